using System.Globalization;

namespace Interactive.DlExt;

/// <summary>The descent lab's runs on one surface, drawn together on its contour.</summary>
/// <param name="Surface">The surface.</param>
/// <param name="Runs">One run per setting, in the order given.</param>
/// <param name="Start">Where every run started.</param>
/// <param name="PlannedSteps">The steps each run was given.</param>
/// <param name="Tolerance">The tolerance of <see cref="DescentRun.StepsToTolerance"/>.</param>
/// <param name="Common">What every run shares (e.g. "sgd, η = 0.1"), empty when nothing is.</param>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed record DescentResult(
    Surface Surface,
    IReadOnlyList<DescentRun> Runs,
    (double X, double Y) Start,
    int PlannedSteps,
    double Tolerance,
    string Common)
{
    /// <summary>The tolerance rule in words: "f − f* ≤ 0.001" when the minimum is known, else "‖∇f‖ ≤ 0.001".</summary>
    public string ToleranceRule => (Surface.MinimumValue is null ? "‖∇f‖ ≤ " : "f − f* ≤ ") + Tolerance.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>The run that met the tolerance in the fewest steps, or null when none did.</summary>
    public DescentRun? Fastest => Runs.Where(r => r.StepsToTolerance is not null).MinBy(r => r.StepsToTolerance);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"descent on {Surface.Name}: {Runs.Count} run(s) of {PlannedSteps} steps; ") + string.Join("; ", Runs.Select(Summary));

    private string Summary(DescentRun run)
    {
        var how = run.StepsToTolerance is { } steps ? FormattableString.Invariant($"{steps} steps to {ToleranceRule}")
            : run.Outcome == DescentOutcome.Completed ? "not within tolerance" : run.Outcome.ToString().ToLowerInvariant();
        return FormattableString.Invariant($"{run.Label}: {how}, final loss {run.FinalLoss:G4}");
    }
}
