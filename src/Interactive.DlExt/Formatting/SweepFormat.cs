using System.Globalization;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Formatting;

/// <summary>The sweep views' own wording and colours (states, titles, summary lines); numbers, durations, fonts and
/// escaping come from <see cref="HtmlParts"/>, the one HTML kit.</summary>
internal static class SweepFormat
{
    /// <summary>A trial's value in the kit's number style, "—" when there is none yet.</summary>
    public static string Number(double? value) => value is { } v ? HtmlParts.Number(v, "G5") : "—";

    /// <summary>A trial's duration in the kit's duration style, "—" when it has not run.</summary>
    public static string Duration(TimeSpan? duration) => duration is { } d ? HtmlParts.Duration(d) : "—";

    /// <summary>The epoch (from 1) of the trial's best per-epoch value, the first one on ties; null before the first epoch.</summary>
    public static int? BestEpoch(SweepTrial trial, StudyDirection direction)
    {
        int? best = null;
        for (var i = 0; i < trial.Curve.Count; i++)
        {
            var v = trial.Curve[i];
            if (double.IsFinite(v) && (best is not { } b || (direction == StudyDirection.Minimize ? v < trial.Curve[b - 1] : v > trial.Curve[b - 1])))
            {
                best = i + 1;
            }
        }

        return best;
    }

    public static string State(TrialState state) => state.ToString().ToLowerInvariant();

    /// <summary>Whether the trial stopped before its last epoch (pruned, failed, cancelled): shown greyed and dashed.</summary>
    public static bool IsCutShort(TrialState state) => state is TrialState.Pruned or TrialState.Failed or TrialState.Cancelled;

    /// <summary>The state's colour: blue running, green completed, grey pruned, vermillion failed, orange cancelled (or waiting).</summary>
    public static string StateColor(TrialState state) => state switch
    {
        TrialState.Running => "#0072B2",
        TrialState.Completed => "#009E73",
        TrialState.Pruned => "#888888",
        TrialState.Failed => "#D55E00",
        _ => "#E69F00",
    };

    /// <summary>The value of <paramref name="name"/> in the trial, or "—" when the parameter was inactive.</summary>
    public static string Parameter(SweepTrial trial, string name) =>
        trial.Parameters.Has(name) ? trial.Parameters.String(name) : "—";

    /// <summary>A choice's values as the trials show them, in the order charts use: numeric order when every value is a number,
    /// declaration order otherwise (strings, booleans, mixed).</summary>
    public static IReadOnlyList<string> ChoiceLabels(ChoiceParameter choice)
    {
        var numbers = choice.Values.Select(v => v switch { int i => i, long l => l, float f => f, double d => d, _ => double.NaN }).ToArray();
        var order = numbers.All(double.IsFinite)
            ? Enumerable.Range(0, numbers.Length).OrderBy(i => numbers[i])
            : Enumerable.Range(0, numbers.Length);
        return [.. order.Select(i => Label(choice.Values[i]))];
    }

    // The same text as TrialParameters.String gives for a value.
    private static string Label(object value) => value switch
    {
        double d => NumberText.General(d),
        float f => NumberText.General(f),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static bool IsLog(SearchParameter parameter) => parameter is NumericParameter { IsLog: true };

    public static string Summary(SweepResult result)
    {
        var counts = string.Join(", ", Enum.GetValues<TrialState>().Where(s => result.Count(s) > 0).Select(s => $"{result.Count(s)} {State(s)}"));
        return $"{Title(result.StudyName)}: {result.StrategyName} search, {result.ObjectiveName} ({(result.Direction == StudyDirection.Minimize ? "lower" : "higher")} is better), "
            + $"{result.Trials.Count} of {result.RequestedTrials} trials ({(counts.Length == 0 ? "none yet" : counts)}), pruner {result.PrunerName}, "
            + $"parallelism {result.Parallelism.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"sweep 'grid'" for a name the user chose; a name that already says sweep ("random sweep") stands alone.</summary>
    public static string Title(string studyName) =>
        studyName.Contains("sweep", StringComparison.OrdinalIgnoreCase) ? studyName : $"sweep '{studyName}'";

    /// <summary>The view's heading: "Sweep 'lr-search': coarse-to-fine search of validation loss".</summary>
    public static string Heading(SweepResult result)
    {
        var title = Title(result.StudyName);
        return $"{char.ToUpperInvariant(title[0])}{title[1..]}: {result.StrategyName} search of {result.ObjectiveName}";
    }

    public static string Best(SweepResult result) => result.Best is { } b
        ? $"best: trial #{b.Number.ToString(CultureInfo.InvariantCulture)}, {result.ObjectiveName} {Number(b.Value)} ({b.Parameters})"
        : "best: no completed trial yet";

    public static string? Test(SweepResult result) => result.TestEvaluation is { } t
        ? $"test set '{t.DataName}' (evaluated once, best configuration): loss {Number(t.Loss)}"
          + (t.Accuracy is { } a ? ", accuracy " + a.ToString("P2", CultureInfo.InvariantCulture) : string.Empty)
        : null;
}
