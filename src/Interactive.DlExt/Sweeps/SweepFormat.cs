using System.Globalization;
using System.Text;
using Interactive.DlExt.Charts;
using Interactive.DlExt.Search;

namespace Interactive.DlExt;

/// <summary>Shared text, colour and escaping rules of the sweep views (invariant culture, so output is deterministic).</summary>
internal static class SweepFormat
{
    public const string Font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:12px;color:#222222";

    public static string Number(double? value) =>
        value is not { } v ? "—" : double.IsNaN(v) ? "NaN" : v.ToString("G5", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalSeconds: < 60 } d => d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        { TotalHours: < 1 } d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalMinutes}m {d.Seconds:00}s"),
        var d => string.Create(CultureInfo.InvariantCulture, $"{(int)d.Value.TotalHours}h {d.Value.Minutes:00}m"),
    };

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

    public static bool IsLog(SearchParameter parameter) => parameter is NumericParameter { IsLog: true };

    public static StringBuilder Text(this StringBuilder builder, string text)
    {
        SvgWriter.Escape(builder, text, attribute: false);
        return builder;
    }

    public static StringBuilder Attribute(this StringBuilder builder, string name, string value)
    {
        builder.Append(' ').Append(name).Append("=\"");
        SvgWriter.Escape(builder, value, attribute: true);
        return builder.Append('"');
    }

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

    public static string Best(SweepResult result) => result.Best is { } b
        ? $"best: trial #{b.Number.ToString(CultureInfo.InvariantCulture)}, {result.ObjectiveName} {Number(b.Value)} ({b.Parameters})"
        : "best: no completed trial yet";

    public static string? Test(SweepResult result) => result.TestEvaluation is { } t
        ? $"test set '{t.DataName}' (evaluated once, best configuration): loss {Number(t.Loss)}"
          + (t.Accuracy is { } a ? ", accuracy " + a.ToString("P2", CultureInfo.InvariantCulture) : string.Empty)
        : null;
}
