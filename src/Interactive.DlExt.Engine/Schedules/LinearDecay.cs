namespace Interactive.DlExt;

/// <summary>
/// Decays the rate in a straight line from η₀ at the first step towards η_end, updated every step over the planned
/// run of N steps (PyTorch's <c>LinearLR(start_factor=1, end_factor=η_end/η₀, total_iters=N)</c>):
/// <code>η = η₀ + (η_end − η₀) · step / N</code>
/// As in <see cref="CosineAnnealing"/>, η_end is reached at step N, one past the last, so with the default η_end = 0
/// no planned step runs at rate 0 (the last runs at η₀/N).
/// </summary>
public sealed class LinearDecay : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="endLearningRate">η_end, the rate reached at the end of the run, ≥ 0. The default is 0.</param>
    public LinearDecay(double endLearningRate = 0)
    {
        EndLearningRate = Guard.NonNegative(endLearningRate, "end learning rate");
    }

    /// <summary>η_end, the rate reached at the end of the run (step N, one past the last).</summary>
    public double EndLearningRate { get; }

    /// <inheritdoc />
    public override string Name => "linear";

    /// <inheritdoc />
    public override string Formula => "η = η₀ + (η_end − η₀) · step / N";

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context)
    {
        var total = context.TotalSteps;
        if (total <= 0)
        {
            return context.BaseLearningRate;
        }

        var progress = Math.Min(context.Step, total) / (double)total;
        return context.BaseLearningRate + ((EndLearningRate - context.BaseLearningRate) * progress);
    }
}
