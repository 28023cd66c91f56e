using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The views of the notebook records: the magic-command help and a training status line. They are
/// registered in <see cref="ViewCatalog"/>; the records pick them up once they carry the formatter attribute.
/// </summary>
internal static class NotebookViews
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

    public static string Html(TrainingStatus status) => HtmlParts.Wrap("status", html =>
        html.Append("<span style=\"color:#0072B2\">").Append(HtmlParts.Encode(status.Message)).Append("</span>"));
}
