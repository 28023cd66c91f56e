namespace Interactive.DlExt;

/// <summary>Where training stands when a schedule is asked for the learning rate.</summary>
/// <param name="BaseLearningRate">η₀, the optimizer's base rate.</param>
/// <param name="Step">The 0-based optimizer step about to be taken.</param>
/// <param name="Epoch">The 0-based epoch that step belongs to.</param>
/// <param name="StepsPerEpoch">Batches per epoch.</param>
/// <param name="TotalEpochs">The planned number of epochs.</param>
public readonly record struct ScheduleContext(double BaseLearningRate, long Step, int Epoch, int StepsPerEpoch, int TotalEpochs)
{
    /// <summary>The planned number of steps.</summary>
    public long TotalSteps => (long)StepsPerEpoch * TotalEpochs;
}

/// <summary>
/// How the learning rate changes during training. Asked once per optimizer step; told each epoch's
/// monitored value (validation loss when there is validation data) for schedules that react to it.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public abstract class LearningRateSchedule
{
    /// <summary>A short name, e.g. "cosine".</summary>
    public abstract string Name { get; }

    /// <summary>The formula as a student reads it.</summary>
    public abstract string Formula { get; }

    /// <summary>The learning rate for the step described by <paramref name="context"/>. It only reads state
    /// (so <see cref="Preview"/> and repeated calls never change what training sees).</summary>
    public abstract double LearningRateAt(in ScheduleContext context);

    /// <summary>The momentum coefficient (μ, β or β₁) for the step, when the schedule cycles momentum as well as the
    /// rate (<see cref="OneCycle"/> with a momentum range); the trainer then uses it instead of the optimizer's own.</summary>
    /// <returns>Null (the default): the optimizer keeps its momentum.</returns>
    public virtual double? MomentumAt(in ScheduleContext context) => null;

    /// <summary>The learning rate of every step of a planned run, for charting before training: element
    /// <c>epoch·stepsPerEpoch + batch</c> is the rate of that step. State is read, never changed, so a
    /// schedule that reacts to the monitored value (reduce-on-plateau) previews as its current rate.</summary>
    /// <param name="baseLearningRate">η₀, &gt; 0.</param>
    /// <param name="epochs">The planned number of epochs, ≥ 1.</param>
    /// <param name="stepsPerEpoch">Batches per epoch, ≥ 1.</param>
    public IReadOnlyList<double> Preview(double baseLearningRate, int epochs, int stepsPerEpoch)
    {
        Guard.Positive(baseLearningRate, "learning rate");
        Guard.AtLeast(epochs, 1, nameof(epochs));
        Guard.AtLeast(stepsPerEpoch, 1, "steps per epoch");
        var total = (long)epochs * stepsPerEpoch;
        if (total > Array.MaxLength)
        {
            throw new DlExtArgumentException("epochs", Guard.Text(epochs), $"at most {Array.MaxLength} steps in all to preview");
        }

        var rates = new double[total];
        for (var step = 0; step < rates.Length; step++)
        {
            var context = new ScheduleContext(baseLearningRate, step, step / stepsPerEpoch, stepsPerEpoch, epochs);
            rates[step] = LearningRateAt(context);
        }

        return rates;
    }

    /// <summary>Called after each epoch with the monitored value (lower is better). Default: ignored.</summary>
    public virtual void OnEpochEnd(int epoch, double monitoredValue)
    {
    }

    /// <summary>The state gathered while training, as numbers (empty for schedules that only read the step), for a checkpoint.</summary>
    internal virtual double[] SaveState() => [];

    /// <summary>Restores what <see cref="SaveState"/> returned; false when the numbers do not fit this schedule.</summary>
    internal virtual bool RestoreState(double[] state) => state.Length == 0;

    /// <summary>Forgets any state gathered while training.</summary>
    public virtual void Reset()
    {
    }
}
