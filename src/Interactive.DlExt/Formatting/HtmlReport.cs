using System.Text;
using Interactive.DlExt.Formatting;

namespace Interactive.DlExt;

/// <summary>
/// Writes self-contained HTML reports: one file with the views of a training run, an evaluation, a model
/// and so on, readable offline in any browser (no scripts, no network references; images are data URIs).
/// </summary>
public static class HtmlReport
{
    /// <summary>
    /// Writes a report of <paramref name="items"/> in order to <paramref name="path"/>, atomically: the page is
    /// written to a temporary file in the same folder and then moved over the target, so a failed write
    /// leaves any previous report intact.
    /// </summary>
    /// <param name="path">The .html file to write; its folder must exist.</param>
    /// <param name="title">The page title.</param>
    /// <param name="items">What to show, e.g. a <see cref="TrainingHistory"/> and an <see cref="EvaluationResult"/>; strings become paragraphs.</param>
    /// <exception cref="DlExtArgumentException">The path is empty, its folder does not exist, or an item is null.</exception>
    public static void Save(string path, string title, params object[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var full = CheckPath(path);
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                throw new DlExtArgumentException("items", $"null at position {i}", "objects to show (a history, an evaluation, a model …)");
            }
        }

        // Items are rendered straight into the temporary file: a view that fails halfway leaves the old report as it was.
        AtomicFile.Write(full, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
            Write(writer, title ?? string.Empty, items);
        });
    }

    /// <summary>The full report page as a string (what <see cref="Save"/> writes).</summary>
    /// <param name="title">The page title.</param>
    /// <param name="items">What to show, in order.</param>
    /// <returns>A complete HTML document.</returns>
    public static string Page(string title, params object[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer, title ?? string.Empty, items);
        return writer.ToString();
    }

    private static void Write(TextWriter html, string title, object[] items)
    {
        html.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Write("<title>" + HtmlParts.Encode(title) + "</title>\n</head>\n");
        html.Write("<body style=\"" + HtmlParts.Font + "margin:16px;background:#f6f6f6;color:#222\">\n");
        html.Write("<h1 style=\"font-size:20px;font-weight:600\">" + HtmlParts.Encode(title) + "</h1>\n");
        foreach (var item in items)
        {
            html.Write("<section style=\"margin:12px 0\">");
            html.Write(Html.Render(item));
            html.Write("</section>\n");
        }

        html.Write("</body>\n</html>\n");
    }

    private static string CheckPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DlExtArgumentException("path", "an empty string", "the path of an .html file in an existing folder");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DlExtArgumentException("path", path, "a valid file path");
        }

        var folder = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            throw new DlExtArgumentException("path", path, $"a file in an existing folder ({folder ?? "none"} does not exist)");
        }

        if (Directory.Exists(full))
        {
            throw new DlExtArgumentException("path", path, "a file path, not a folder");
        }

        return full;
    }
}
