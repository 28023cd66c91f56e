using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Updates a model's parameters from their gradients. Every optimizer runs as one fused pass over the model's
/// flat <see cref="ParameterStore.Values"/> buffer: this class checks the step's arguments, keeps the optimizer's
/// per-parameter state, cuts the buffer into fixed <see cref="ChunkLength"/>-element chunks (independent of the
/// thread count) that the optimizer updates with its rule on the current SIMD path, and then clears the gradients.
/// Each element is updated independently, so results do not depend on the thread count or the SIMD width.
/// Only this library's optimizers derive from it.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public abstract class Optimizer
{
    /// <summary>Elements per chunk: 64 KiB of floats per buffer, big enough to amortise scheduling, small
    /// enough to balance a few million parameters over the threads.</summary>
    internal const int ChunkLength = 16 * 1024;

    private readonly int _stateBuffers;
    private float[][] _state = [];
    private int _length = -1;

    /// <summary>Checks the hyperparameters every optimizer has.</summary>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="weightDecay">λ, ≥ 0.</param>
    /// <param name="stateBuffers">How many per-parameter state values the optimizer keeps (0, 1 or 2).</param>
    private protected Optimizer(double learningRate, double weightDecay, int stateBuffers)
    {
        LearningRate = Guard.Positive(learningRate, "learning rate");
        Guard.NonNegative(weightDecay, "weight decay");
        _stateBuffers = stateBuffers;
    }

    /// <summary>The base learning rate η (a schedule may scale it per step).</summary>
    public double LearningRate { get; }

    /// <summary>A short name, e.g. "adam".</summary>
    public abstract string Name { get; }

    /// <summary>The update rule as a student reads it.</summary>
    public abstract string Formula { get; }

    /// <summary>The number of steps taken (t in the formulas, 1-based after the first step).</summary>
    public long StepCount { get; private set; }

    /// <summary>Applies one update to all trainable parameters using <paramref name="learningRate"/> (η for this step,
    /// ≥ 0: a schedule may reach 0), then leaves the gradients at zero. A model of another size than the last one
    /// restarts the optimizer (state at zero, t = 1).</summary>
    public void Step(ParameterStore parameters, double learningRate, ComputePool pool) => Step(parameters, learningRate, momentum: null, pool);

    /// <summary>One update as <see cref="Step(ParameterStore, double, ComputePool)"/>, with the momentum coefficient
    /// (μ, β or β₁) of this step replaced by <paramref name="momentum"/> when it is given (a one-cycle schedule's
    /// momentum cycling); optimizers without a momentum term ignore it. Null leaves the update bit for bit as without it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Step(ParameterStore parameters, double learningRate, double? momentum, ComputePool pool)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(pool);
        Guard.NonNegative(learningRate, "learning rate");
        if (momentum is { } given)
        {
            CheckBeta(given, nameof(momentum));
        }

        var length = parameters.TrainableCount;
        if (_length != length)
        {
            _state = new float[_stateBuffers][];
            for (var b = 0; b < _stateBuffers; b++)
            {
                _state[b] = new float[length];
            }

            _length = length;
            StepCount = 0;
        }

        var chunks = (length + ChunkLength - 1) / ChunkLength;
        pool.For(chunks, new ChunkBody(this, parameters.Values, parameters.Gradients, _state, learningRate, momentum, StepCount + 1, Simd.Current));

        // The step consumes the gradients. Marking them zero (instead of clearing the buffer) lets the next
        // backward pass overwrite the weight gradients rather than read zeros and add to them.
        parameters.ZeroGradients();
        StepCount++;
    }

    /// <summary>The per-parameter state buffers this optimizer keeps (0, 1 or 2).</summary>
    internal int StateBufferCount => _stateBuffers;

    /// <summary>The optimizer's state for a training checkpoint: t and copies of its buffers (empty before the first step).</summary>
    internal (long StepCount, float[][] Buffers) SaveState() =>
        (StepCount, _length < 0 ? [] : _state.Select(b => (float[])b.Clone()).ToArray());

    /// <summary>Restores what <see cref="SaveState"/> returned for a model of <paramref name="length"/> trainable values
    /// (the caller has checked the buffer count and lengths).</summary>
    internal void RestoreState(long stepCount, float[][] buffers, int length)
    {
        if (buffers.Length != _stateBuffers || buffers.Any(b => b.Length != length))
        {
            throw new ArgumentException($"{Name} keeps {_stateBuffers} buffers of {length} values", nameof(buffers));
        }

        _state = buffers.Select(b => (float[])b.Clone()).ToArray();
        _length = length;
        StepCount = stepCount;
    }

    /// <summary>Forgets all state (moments, velocities, step count).</summary>
    public void Reset()
    {
        _state = [];
        _length = -1;
        StepCount = 0;
    }

    /// <summary>Updates one chunk, usually with <c>chunk.Apply(rule)</c> for the optimizer's <see cref="IParameterRule"/>.</summary>
    private protected abstract void Update(OptimizerChunk chunk);

    /// <summary>Checks β (or μ) lies in [0, 1).</summary>
    private protected static double CheckBeta(double value, string parameter) => Guard.InHalfOpen(value, 0, 1, parameter);

    private readonly struct ChunkBody(Optimizer optimizer, float[] values, float[] gradients, float[][] state,
        double learningRate, double? momentum, long step, SimdPath path) : IComputeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int index)
        {
            var start = index * ChunkLength;
            var count = Math.Min(ChunkLength, values.Length - start);
            optimizer.Update(new OptimizerChunk(
                values.AsSpan(start, count),
                gradients.AsSpan(start, count),
                state.Length > 0 ? state[0].AsSpan(start, count) : default,
                state.Length > 1 ? state[1].AsSpan(start, count) : default,
                learningRate, momentum, step, path));
        }
    }
}
