namespace Interactive.DlExt.Formatting;

/// <summary>The view of a <see cref="ManifestComparison"/>: a green "bit-identical" or a red first difference, the other
/// differences and the likely cause.</summary>
internal static class ManifestComparisonView
{
    public static string Html(ManifestComparison comparison) => HtmlParts.Wrap("verify", html =>
    {
        if (comparison.IsIdentical)
        {
            html.Append("<div style=\"color:#1b7f3b;font-weight:700\">✓ bit-identical</div>");
            HtmlParts.Caption(html, "The re-run reproduced every epoch's numbers, the final metrics and the weights.");
            return;
        }

        html.Append("<div style=\"color:#b00020;font-weight:700\">✗ differs: ").Append(HtmlParts.Encode(comparison.Differences[0])).Append("</div>");
        foreach (var difference in comparison.Differences.Skip(1).Take(8))
        {
            html.Append("<div style=\"color:#555\">also: ").Append(HtmlParts.Encode(difference)).Append("</div>");
        }

        html.Append("<div><b>likely cause:</b> ").Append(HtmlParts.Encode(comparison.LikelyCause)).Append("</div>");
    });

    public static string Text(ManifestComparison comparison) => comparison.ToString();
}
