using Interactive.DlExt.Formatting;

namespace Interactive.DlExt.Notebook;

/// <summary>The HTML view of <see cref="MagicHelp"/>: every magic with a table of its options.</summary>
internal static class MagicHelpView
{
    public static string Html(MagicHelp help) => HtmlParts.Wrap("help", html =>
    {
        HtmlParts.Title(html, HtmlParts.Encode($"Interactive.DlExt {help.PackageVersion}"));
        HtmlParts.Caption(html, MagicHelp.KernelRequirement);
        foreach (var magic in help.Magics)
        {
            html.Append("<div style=\"margin-top:8px\"><code style=\"font-weight:600\">").Append(HtmlParts.Encode(magic.Name))
                .Append("</code> ").Append(HtmlParts.Encode(magic.Description)).Append("</div>");
            if (magic.Options.Count > 0)
            {
                var rows = magic.Options.Select(o => (IReadOnlyList<string>)[o.Name, o.Description, o.AcceptedText(), o.Default ?? string.Empty]).ToList();
                HtmlParts.Table(html, ["option", "meaning", "accepts", "default"], rows, [false, false, false, false], wrapText: true);
            }

            html.Append("<div style=\"color:#555\">example: <code>").Append(HtmlParts.Encode(magic.Example)).Append("</code></div>");
        }
    });
}
