namespace Interactive.DlExt.Formatting;

/// <summary>The view of an <see cref="ExpectationReport"/>: one row per check, a green ✓ or a red ✗, and what was found.</summary>
internal static class ExpectationView
{
    public static string Html(ExpectationReport report) => HtmlParts.Wrap("expect", html =>
    {
        var passed = report.Results.Count(r => r.Passed);
        HtmlParts.Title(html, HtmlParts.Encode($"Checks on {report.Target}: {passed} of {report.Results.Count} passed"));
        html.Append("<table style=\"border-collapse:collapse;margin:4px 0\"><tbody>");
        foreach (var r in report.Results)
        {
            html.Append("<tr class=\"").Append(r.Passed ? "check-pass" : "check-fail").Append("\">")
                .Append("<td style=\"padding:2px 8px;font-weight:700;white-space:nowrap;color:").Append(r.Passed ? "#1b7f3b\">✓ pass" : "#b00020\">✗ fail").Append("</td>")
                .Append("<td style=\"padding:2px 8px;text-align:left\">").Append(HtmlParts.Encode(r.Check)).Append("</td>")
                .Append("<td style=\"padding:2px 8px;text-align:left;color:#555\">").Append(HtmlParts.Encode(r.Detail)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    });

    public static string Text(ExpectationReport report) => report.ToString();
}
