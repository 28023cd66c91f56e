using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// All parameters of a model in flat buffers: trainable values and their gradients side by side (so an
/// optimizer runs as one pass over <see cref="Values"/>), and non-trainable state in <see cref="State"/>.
/// </summary>
public sealed class ParameterStore
{
    private readonly float[] _gradients;

    internal ParameterStore(IReadOnlyList<Parameter> parameters, RandomSource random)
    {
        Parameters = parameters;
        var trainable = parameters.Where(p => p.Trainable).Sum(p => (long)p.Length);
        var state = parameters.Where(p => !p.Trainable).Sum(p => (long)p.Length);
        Values = new float[checked((int)trainable)];
        _gradients = new float[Values.Length];
        State = new float[checked((int)state)];
        int valueOffset = 0, stateOffset = 0;
        foreach (var p in parameters)
        {
            if (p.Trainable)
            {
                p.Buffer = Values;
                p.GradientBuffer = _gradients;
                p.Offset = valueOffset;
                valueOffset += p.Length;
            }
            else
            {
                p.Buffer = State;
                p.Offset = stateOffset;
                stateOffset += p.Length;
            }
        }

        Initialize(random);
    }

    /// <summary>Every parameter in model order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>All trainable values, parameter after parameter.</summary>
    public float[] Values { get; }

    /// <summary>The gradients of <see cref="Values"/>, same layout. Read it through this property after each
    /// step or <see cref="ZeroGradients"/>: zeroing is deferred until the gradients are next read or written.</summary>
    public float[] Gradients
    {
        get
        {
            foreach (var parameter in Parameters)
            {
                parameter.PrepareGradientForAccumulation();
            }

            return _gradients;
        }
    }

    /// <summary>Non-trainable state (e.g. batch-norm running mean and variance).</summary>
    public float[] State { get; }

    /// <summary>The number of trainable scalars.</summary>
    public int TrainableCount => Values.Length;

    /// <summary>Sets every gradient to zero. The buffer is not touched now: each parameter's gradient is marked
    /// zero, and its region is overwritten by the next backward pass or cleared when first read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ZeroGradients()
    {
        foreach (var parameter in Parameters)
        {
            parameter.GradientIsStale = parameter.Trainable;
        }
    }

    /// <summary>Fills every parameter from its initializer, in model order, drawing from <paramref name="random"/>.</summary>
    internal void Initialize(RandomSource random)
    {
        foreach (var p in Parameters)
        {
            p.Initializer.Fill(p.Values, p.FanIn, p.FanOut, random);
        }
    }

    /// <summary>A copy of all values and state (for keep-best and restore-best).</summary>
    public ParameterSnapshot Snapshot() => new((float[])Values.Clone(), (float[])State.Clone());

    /// <summary>Copies a snapshot back.</summary>
    public void Restore(ParameterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        snapshot.Values.CopyTo(Values, 0);
        snapshot.State.CopyTo(State, 0);
    }
}

/// <summary>A copy of a model's parameter values and state at one moment.</summary>
/// <param name="Values">The trainable values.</param>
/// <param name="State">The non-trainable state.</param>
public sealed record ParameterSnapshot(float[] Values, float[] State);
