using System.Globalization;
using System.Net;
using System.Text;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>
/// The summary as one self-contained HTML page (no scripts, no external files): a table with a row per submission,
/// green when every cell ran, amber when some cells failed, red when the notebook did not run; failed verifications and
/// rubric checks in red, each item of a cell (a failed cell, a manifest, a check, a metric) on its own line, and a link to
/// each executed notebook. The CSV keeps every number in full; the table shows four significant digits.
/// </summary>
internal static class SummaryHtml
{
    private const string Green = "#1b7f3b";
    private const string Red = "#b00020";

    public static string Write(string title, IReadOnlyList<GradeRow> rows)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:13px;color:#222;margin:16px}")
            .Append("h1{font-size:18px;margin:0 0 4px}p{margin:0 0 10px;color:#555}")
            .Append("table{border-collapse:collapse}th,td{border:1px solid #d6d6d6;padding:4px 6px;vertical-align:top;text-align:left;max-width:300px;overflow-wrap:break-word}th{white-space:nowrap}")
            .Append("th{background:#f3f3f3;position:sticky;top:0}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}")
            .Append("tr.ok{background:#eef8f0}tr.failed{background:#fff6e0}tr.notrun{background:#fdecee}")
            .Append(".small{color:#555;font-size:12px}.pass{color:").Append(Green).Append("}.fail{color:").Append(Red).Append(";font-weight:600}")
            .Append(".line{margin:1px 0;overflow-wrap:break-word}")
            .Append("</style></head><body>\n");
        var ran = rows.Count(r => r.Ran);
        var clean = rows.Count(r => r.Ran && r.Failures.Count == 0);
        html.Append("<h1>").Append(E(title)).Append("</h1><p>")
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} submission(s): {clean} ran without errors, {ran - clean} ran with failed cells, {rows.Count - ran} did not run.")))
            .Append(" Green rows ran without errors, amber rows had failed cells, red rows did not run.</p>\n");
        html.Append("<table><thead><tr>");
        foreach (var header in new[] { "submission", "ran", "outcome", "failed cells", "verification", "test-set accesses", "rubric", "final metrics", "seconds" })
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            Row(html, row);
        }

        html.Append("</tbody></table>\n</body></html>\n");
        return html.ToString();
    }

    private static void Row(StringBuilder html, GradeRow row)
    {
        var kind = !row.Ran ? "notrun" : row.Failures.Count > 0 ? "failed" : "ok";
        html.Append("<tr class=\"").Append(kind).Append("\"><td><b>").Append(E(row.Submission)).Append("</b>");
        if (row.Notebook is { } notebook && notebook != row.Submission)
        {
            html.Append("<div class=\"small\">").Append(E(notebook)).Append("</div>");
        }

        if (row.ExecutedNotebook is { } executed)
        {
            html.Append("<div class=\"small\"><a href=\"").Append(E(executed.Replace('\\', '/'))).Append("\">executed notebook</a></div>");
        }

        html.Append("</td><td class=\"").Append(row.Ran ? "pass" : "fail").Append("\">").Append(row.Ran ? "yes" : "no").Append("</td>");
        html.Append("<td>").Append(E(row.Outcome)).Append("</td><td>");
        foreach (var failure in row.Failures)
        {
            Line(html, failure.ToString(), "fail");
        }

        html.Append("</td><td>");
        foreach (var item in Items(GradeColumns.Leading.Single(c => c.Header == "verification").Value(row)))
        {
            Line(html, item, item.Contains("verified (bit-identical)", StringComparison.Ordinal) || item.EndsWith(": bit-identical", StringComparison.Ordinal) ? "pass"
                : item.Contains("not verified", StringComparison.Ordinal) || item.Contains("differs:", StringComparison.Ordinal) ? "fail" : null);
        }

        html.Append("</td><td class=\"num\">");
        if (row.Manifests.Count > 0)
        {
            var accesses = row.TestAccesses;
            html.Append("<span class=\"").Append(accesses.Count == 1 ? "pass" : "fail").Append("\">").Append(accesses.Count.ToString(CultureInfo.InvariantCulture)).Append("</span>");
            foreach (var access in accesses)
            {
                html.Append("<div class=\"small\">").Append(E($"#{access.Sequence} {access.Purpose} '{access.DataName}'")).Append("</div>");
            }
        }

        html.Append("</td><td>");
        if (row.Checks.Count > 0)
        {
            var passed = row.Checks.Count(c => c.Passed);
            Line(html, $"{passed} of {row.Checks.Count} passed", passed == row.Checks.Count ? "pass" : "fail");
            foreach (var check in row.Checks)
            {
                html.Append("<div class=\"line small\"><span class=\"").Append(check.Passed ? "pass\">✓" : "fail\">✗").Append("</span> ")
                    .Append(E(check.Check)).Append(" <span class=\"small\">(").Append(E(check.Detail)).Append(")</span></div>");
            }
        }

        html.Append("</td><td>");
        foreach (var manifest in row.Manifests.Where(m => m.Manifest.FinalMetrics.Count > 0))
        {
            html.Append("<div class=\"line\"><b>").Append(E(manifest.File)).Append("</b></div>");
            foreach (var (metric, value) in manifest.Manifest.FinalMetrics)
            {
                html.Append("<div class=\"line small\">").Append(E($"{metric} {Short(value)}")).Append("</div>");
            }
        }

        html.Append("</td><td class=\"num\">").Append(E(GradeColumns.Trailing[0].Value(row))).Append("</td></tr>\n");
    }

    private static void Line(StringBuilder html, string text, string? style)
    {
        html.Append("<div class=\"line").Append(style is null ? "" : " " + style).Append("\">").Append(E(text)).Append("</div>");
    }

    private static string[] Items(string cell) => cell.Split(GradeColumns.Separator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A round-trip number to 4 significant digits (the CSV keeps the full value).</summary>
    private static string Short(string value) =>
        value.Contains('.', StringComparison.Ordinal) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x.ToString("G4", CultureInfo.InvariantCulture) : value;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
