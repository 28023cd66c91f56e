using System.Globalization;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>
/// The summary's columns, spelled once for the CSV and the HTML table: the fixed ones, then one column per final metric
/// of each manifest file any submission wrote ("run.json: validation accuracy"), with the value as the manifest has
/// it (round-trip form), then the time and the executed notebook.
/// </summary>
internal static class GradeColumns
{
    /// <summary>What separates several items in one cell (cells, manifests, checks).</summary>
    public const string Separator = " | ";

    /// <summary>The columns before the metrics.</summary>
    public static IReadOnlyList<(string Header, Func<GradeRow, string> Value)> Leading { get; } =
    [
        ("submission", r => r.Submission),
        ("notebook", r => r.Notebook ?? string.Empty),
        ("ran", r => r.Ran ? "yes" : "no"),
        ("outcome", r => r.Outcome),
        ("failed cells", r => string.Join(Separator, r.Failures)),
        ("manifests", r => string.Join(Separator, r.Manifests.Select(m => $"{m.File} ({m.Manifest.Kind})"))),
        ("verification", Verification),
        ("test-set accesses", r => r.Manifests.Count == 0 ? string.Empty : r.TestAccesses.Count.ToString(CultureInfo.InvariantCulture)),
        ("test-set uses", r => string.Join(Separator, r.TestAccesses.Select(a => $"#{a.Sequence} {a.Purpose} '{a.DataName}'"))),
        ("rubric", r => r.Checks.Count == 0 ? string.Empty : $"{r.Checks.Count(c => c.Passed)} of {r.Checks.Count} passed"),
        ("rubric checks", r => string.Join(Separator, r.Checks)),
    ];

    /// <summary>The columns after the metrics.</summary>
    public static IReadOnlyList<(string Header, Func<GradeRow, string> Value)> Trailing { get; } =
    [
        ("seconds", r => r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)),
        ("executed notebook", r => r.ExecutedNotebook ?? string.Empty),
    ];

    /// <summary>The metric columns of these rows: (manifest file, metric name), in order.</summary>
    public static IReadOnlyList<(string File, string Metric)> Metrics(IEnumerable<GradeRow> rows) =>
    [
        .. rows.SelectMany(r => r.Manifests).SelectMany(m => m.Manifest.FinalMetrics.Keys.Select(k => (m.File, k)))
            .Distinct().OrderBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.k, StringComparer.Ordinal),
    ];

    /// <summary>A metric column's header.</summary>
    public static string Header((string File, string Metric) column) => $"{column.File}: {column.Metric}";

    /// <summary>The value of a metric column in a row, or empty.</summary>
    public static string Metric(GradeRow row, (string File, string Metric) column) =>
        row.Manifests.FirstOrDefault(m => m.File == column.File)?.Manifest.FinalMetrics.GetValueOrDefault(column.Metric) ?? string.Empty;

    private static string Verification(GradeRow row) => string.Join(Separator,
        row.Manifests.Select(m => $"{m.File}: {m.Verification}")
            .Concat(row.SubmittedOnly.Select(f => $"{f}: submitted, but the run did not write it again (not verified)"))
            .Concat(row.NotebookVerifications.Select(v => "#!verify in the notebook: " + v))
            .DefaultIfEmpty(row.Ran ? "no manifest written by the run" : string.Empty));
}
