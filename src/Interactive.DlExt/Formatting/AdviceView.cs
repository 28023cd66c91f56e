using System.Text;

namespace Interactive.DlExt.Formatting;

/// <summary>Rules of thumb that apply to a result, shown under its view as notes (not errors): what was seen, why it
/// matters, what to try.</summary>
internal static class AdviceView
{
    public static void Html(StringBuilder html, IReadOnlyList<Advice> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"dlext-advice\" style=\"margin-top:8px;padding:6px 8px;background:#fff8e1;border-left:3px solid #E69F00\">");
        foreach (var note in notes)
        {
            html.Append("<div style=\"margin:2px 0\"><b>").Append(HtmlParts.Encode(note.Rule)).Append(":</b> ")
                .Append(HtmlParts.Encode(note.Saw)).Append(". ").Append(HtmlParts.Encode(note.WhySentence))
                .Append(". <i>Try:</i> ").Append(HtmlParts.Encode(note.Try)).Append(".</div>");
        }

        html.Append("</div>");
    }

    public static void Text(StringBuilder text, IReadOnlyList<Advice> notes)
    {
        foreach (var note in notes)
        {
            text.AppendLine().Append("note: ").Append(note);
        }
    }
}
