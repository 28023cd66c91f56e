namespace Interactive.DlExt;

/// <summary>Several schedules planned over the same run, for one chart before training (see <see cref="SchedulePreview.Compare(int, int, double, LearningRateSchedule[])"/>).
/// A notebook shows it as one line chart with a legend entry per schedule.</summary>
/// <param name="Epochs">The planned number of epochs.</param>
/// <param name="StepsPerEpoch">Batches per epoch.</param>
/// <param name="BaseLearningRate">η₀, the optimizer's base rate.</param>
/// <param name="Schedules">The schedules in the order given.</param>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed record ScheduleComparison(int Epochs, int StepsPerEpoch, double BaseLearningRate, IReadOnlyList<PlannedSchedule> Schedules);
