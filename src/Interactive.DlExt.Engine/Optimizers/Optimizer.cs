namespace Interactive.DlExt;

/// <summary>
/// Updates a model's parameters from their gradients. Every optimizer runs as one fused pass over the
/// model's flat <see cref="ParameterStore.Values"/> buffer, split into fixed chunks across threads; each
/// element is updated independently, so results do not depend on the thread count.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public abstract class Optimizer
{
    /// <summary>Creates an optimizer with a base learning rate η.</summary>
    protected Optimizer(double learningRate)
    {
        LearningRate = Guard.Positive(learningRate, "learning rate");
    }

    /// <summary>The base learning rate η (a schedule may scale it per step).</summary>
    public double LearningRate { get; }

    /// <summary>A short name, e.g. "adam".</summary>
    public abstract string Name { get; }

    /// <summary>The update rule as a student reads it.</summary>
    public abstract string Formula { get; }

    /// <summary>The number of steps taken (t in the formulas, 1-based after the first step).</summary>
    public long StepCount { get; protected set; }

    /// <summary>Applies one update to all trainable parameters using <paramref name="learningRate"/> (η for this step).</summary>
    public abstract void Step(ParameterStore parameters, double learningRate, ComputePool pool);

    /// <summary>Whether <see cref="Step"/> leaves the gradients at zero (the built-in optimizers call
    /// <see cref="ParameterStore.ZeroGradients"/> after their pass), so the trainer need not zero them before the next batch. A custom optimizer that does
    /// not clear keeps the default, false.</summary>
    protected internal virtual bool ClearsGradients => false;

    /// <summary>Forgets all state (moments, step count).</summary>
    public abstract void Reset();

    /// <summary>Returns the per-parameter state buffer <paramref name="state"/> (a velocity, a moment, …), first
    /// replacing it by a zeroed one of the model's trainable size when it is missing or sized for another model,
    /// which also restarts <see cref="StepCount"/>.</summary>
    private protected float[] TrainableState(ref float[]? state, ParameterStore parameters)
    {
        if (state?.Length != parameters.TrainableCount)
        {
            state = new float[parameters.TrainableCount];
            StepCount = 0;
        }

        return state;
    }
}
