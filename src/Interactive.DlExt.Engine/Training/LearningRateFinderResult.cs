using System.Globalization;

namespace Interactive.DlExt;

/// <summary>What a learning-rate range test measured, and the learning rate it suggests.</summary>
/// <param name="Points">Every step taken, in order.</param>
/// <param name="SuggestedLearningRate">The suggestion: the rate of steepest descent, or <see cref="MinimumOverTen"/>
/// when too few points remain to measure a slope (<see cref="SuggestionRule"/> says which).</param>
/// <param name="SuggestionRule">The rule that produced the suggestion: "steepest descent" or "minimum / 10".</param>
/// <param name="SteepestLearningRate">The rate where the smoothed loss falls fastest against log η, if measurable.</param>
/// <param name="MinimumLearningRate">The rate of the lowest smoothed loss.</param>
/// <param name="MinimumOverTen">fastai's rule of thumb: <see cref="MinimumLearningRate"/> / 10.</param>
/// <param name="DivergedAtStep">The step at which the loss diverged and the test stopped, or null when it ran to the end.</param>
/// <param name="StopMessage">Why the test stopped, in words.</param>
/// <param name="Optimizer">The optimizer's name.</param>
/// <param name="StartLearningRate">The planned first rate.</param>
/// <param name="EndLearningRate">The planned last rate.</param>
/// <param name="PlannedSteps">The planned number of steps.</param>
/// <param name="BatchSize">Samples per step.</param>
/// <param name="Smoothing">β of the loss smoothing.</param>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed record LearningRateFinderResult(
    IReadOnlyList<LrFinderPoint> Points,
    double SuggestedLearningRate,
    string SuggestionRule,
    double? SteepestLearningRate,
    double MinimumLearningRate,
    double MinimumOverTen,
    int? DivergedAtStep,
    string StopMessage,
    string Optimizer,
    double StartLearningRate,
    double EndLearningRate,
    int PlannedSteps,
    int BatchSize,
    double Smoothing)
{
    /// <summary>The rule name of a steepest-descent suggestion.</summary>
    public const string SteepestDescentRule = "steepest descent";

    /// <summary>The rule name of a minimum-over-ten suggestion.</summary>
    public const string MinimumOverTenRule = "minimum / 10";

    /// <summary>Whether the test stopped because the loss diverged.</summary>
    public bool Diverged => DivergedAtStep is not null;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"lr-find ({Optimizer}, {Points.Count}/{PlannedSteps} steps): suggested {SuggestedLearningRate:G3} ({SuggestionRule}); minimum / 10 {MinimumOverTen:G3}; {StopMessage}");
}
