namespace Interactive.DlExt;

/// <summary>One schedule of a <see cref="ScheduleComparison"/>: its label and the rate (and momentum) of every planned step.</summary>
/// <param name="Label">What the chart's legend calls it, e.g. "step: ×0.5 every 5 epochs".</param>
/// <param name="Schedule">The schedule itself.</param>
/// <param name="LearningRates">The rate of every step: element <c>epoch·stepsPerEpoch + batch</c>.</param>
/// <param name="Momentums">The momentum of every step when the schedule cycles it (one-cycle with a momentum range), otherwise null.</param>
public sealed record PlannedSchedule(string Label, LearningRateSchedule Schedule, IReadOnlyList<double> LearningRates, IReadOnlyList<double>? Momentums);
