using Interactive.DlExt.Formatting;

namespace Interactive.DlExt.Notebook;

/// <summary>A one-line status shown before the first live update.</summary>
/// <param name="Message">What is happening.</param>
[TypeFormatterSource(typeof(DlExtFormatterSource))]
public sealed record TrainingStatus(string Message) : IHtmlView
{
    /// <inheritdoc />
    public override string ToString() => Message;

    string IHtmlView.ToHtml() => HtmlParts.Wrap("status", html =>
        html.Append("<span style=\"color:#0072B2\">").Append(HtmlParts.Encode(Message)).Append("</span>"));
}
