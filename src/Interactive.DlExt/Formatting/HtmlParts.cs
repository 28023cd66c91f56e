using System.Globalization;
using System.Net;
using System.Text;
using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The building blocks every view shares: an inline-styled wrapper, headings, key/value lines and tables.
/// Inline styles only, because notebook front ends and GitHub's .ipynb viewer drop &lt;style&gt; and
/// &lt;script&gt;; every user string goes through <see cref="Encode"/>.
/// </summary>
internal static class HtmlParts
{
    public const string Font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;";

    // A white card keeps the black-on-white charts readable in dark notebook themes.
    private const string WrapperStyle = Font + "font-size:13px;line-height:1.4;color:#222;background:#fff;padding:8px 10px;max-width:680px;border:1px solid #e2e2e2;border-radius:4px";

    /// <summary>The wrapper's card style for a view wider than one chart (a sweep's charts side by side).</summary>
    public const string WideWrapperStyle = Font + "font-size:13px;line-height:1.4;color:#222;background:#fff;padding:8px 10px;max-width:1260px;border:1px solid #e2e2e2;border-radius:4px";
    private const string TableStyle = "border-collapse:collapse;margin:6px 0;font-size:12px;white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums";
    private const string RowStyle = "border-bottom:1px solid #eee";
    private const string CellPadding = "padding:1px 8px";

    /// <summary>
    /// The class of an element whose content is wall-clock time (a chart against seconds, a samples/s cell): it
    /// differs from run to run, so the course's output checks leave it out of what they compare bit for bit.
    /// </summary>
    public const string ClockClass = "dlext-clock";

    /// <summary>
    /// The class of an element that describes the machine and build (package version with its commit, runtime, OS, SIMD
    /// path): true where it ran, different on the next machine, so output checks leave it out too.
    /// </summary>
    public const string MachineClass = "dlext-machine";

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Appends <paramref name="text"/> escaped for an element's content (HTML and inline SVG alike).</summary>
    public static StringBuilder Text(this StringBuilder builder, string text)
    {
        SvgWriter.Escape(builder, text, attribute: false);
        return builder;
    }

    /// <summary>Appends <c> name="value"</c> with the value escaped for an attribute.</summary>
    public static StringBuilder Attribute(this StringBuilder builder, string name, string value)
    {
        builder.Append(' ').Append(name).Append("=\"");
        SvgWriter.Escape(builder, value, attribute: true);
        return builder.Append('"');
    }

    public static string Number(double value, string format = "G4") =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞"
        : NumberText.Format(value, format);

    /// <summary>
    /// Whether learning rates read better on a log axis: when all are positive and they span more than 10×
    /// (step and exponential decay), but not when they anneal towards zero (cosine, one-cycle: a span beyond
    /// 10⁴), where a log axis spends most of its height on the last few steps.
    /// </summary>
    public static bool UseLogScale(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0 || values.Any(v => !(v > 0) || !double.IsFinite(v)))
        {
            return false;
        }

        var ratio = values.Max() / values.Min();
        return ratio > 10 && ratio <= 1e4;
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);

    public static string Shape(IReadOnlyList<int> shape) =>
        "[" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    public static string Duration(TimeSpan time) => time.TotalSeconds switch
    {
        < 1 => Number(time.TotalMilliseconds, "0") + " ms",
        < 120 => Number(time.TotalSeconds, "0.0") + " s",
        < 7200 => Number(time.TotalMinutes, "0.0") + " min",
        _ => Number(time.TotalHours, "0.0") + " h",
    };

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => Count(bytes) + " B",
        < 1024 * 1024 => Number(bytes / 1024.0, "0.0") + " KiB",
        _ => Number(bytes / (1024.0 * 1024.0), "0.0") + " MiB",
    };

    /// <summary>Writes the one wrapper &lt;div class="dlext-…"&gt; around a view.</summary>
    public static string Wrap(string kind, Action<StringBuilder> body)
    {
        var html = new StringBuilder(1024);
        html.Append("<div class=\"dlext-").Append(kind).Append("\" style=\"").Append(WrapperStyle).Append("\">");
        body(html);
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>A bold title line; <paramref name="encodedTitle"/> is already HTML.</summary>
    public static void Title(StringBuilder html, string encodedTitle) =>
        html.Append("<div style=\"font-weight:600;font-size:14px;margin-bottom:2px\">").Append(encodedTitle).Append("</div>");

    /// <summary>A grey line of facts; <paramref name="encodedText"/> is already HTML.</summary>
    public static void Facts(StringBuilder html, string encodedText) =>
        html.Append("<div style=\"color:#555\">").Append(encodedText).Append("</div>");

    /// <summary>A line in a monospace font (formulas), from plain text.</summary>
    public static void Formula(StringBuilder html, string text) =>
        html.Append("<div style=\"font-family:ui-monospace,Menlo,Consolas,monospace;margin:4px 0;white-space:pre-wrap\">")
            .Append(Encode(text)).Append("</div>");

    /// <summary>A small grey caption, from plain text.</summary>
    public static void Caption(StringBuilder html, string text) =>
        html.Append("<div style=\"color:#666;font-size:11px\">").Append(Encode(text)).Append("</div>");

    /// <summary>A chart (SVG markup produced by the chart library) in its own block.</summary>
    public static void Chart(StringBuilder html, string svg) =>
        html.Append("<div style=\"margin:6px 0\">").Append(svg).Append("</div>");

    /// <summary>A chart drawn against wall-clock time, marked with <see cref="ClockClass"/>.</summary>
    public static void ClockChart(StringBuilder html, string svg) =>
        html.Append("<div class=\"").Append(ClockClass).Append("\" style=\"margin:6px 0\">").Append(svg).Append("</div>");

    /// <summary>Writes a table of plain-text cells (encoded here).</summary>
    /// <param name="html">The output.</param>
    /// <param name="header">The column titles.</param>
    /// <param name="rows">The rows; a row of one cell spans all columns (e.g. "…").</param>
    /// <param name="numeric">Which columns are right-aligned numbers.</param>
    /// <param name="highlighted">The row to highlight (e.g. the best epoch), or −1.</param>
    /// <param name="highlightTitle">The hover text of the highlighted row.</param>
    /// <param name="wrapText">Whether long cells wrap (prose tables) instead of staying on one line.</param>
    /// <param name="clock">Which columns hold wall-clock measurements (marked with <see cref="ClockClass"/>), if any.</param>
    /// <remarks>
    /// Shared styles sit on the table and rows so each cell only carries its padding: a live history view
    /// is resent on every update, and per-cell styles were half its size.
    /// </remarks>
    public static void Table(StringBuilder html, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows,
        IReadOnlyList<bool> numeric, int highlighted = -1, string? highlightTitle = null, bool wrapText = false, IReadOnlyList<bool>? clock = null)
    {
        // Prose tables (help, formulas) wrap inside the card, but never inside a number (4.056e-6) or the row name;
        // number tables stay on one line per row.
        var style = wrapText ? TableStyle.Replace("white-space:nowrap", "white-space:normal;vertical-align:top", StringComparison.Ordinal) : TableStyle;
        html.Append("<table style=\"").Append(style).Append("\"><thead><tr style=\"border-bottom:1px solid #888\">");
        for (var c = 0; c < header.Count; c++)
        {
            html.Append("<th style=\"").Append(numeric[c] ? CellPadding : CellPadding + ";text-align:left").Append("\">")
                .Append(Encode(header[c])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            html.Append(r == highlighted
                ? "<tr class=\"dlext-best\" title=\"" + Encode(highlightTitle) + "\" style=\"" + RowStyle + ";background:#fff2c2;font-weight:600\">"
                : "<tr style=\"" + RowStyle + "\">");
            if (row.Count == 1 && header.Count > 1)
            {
                html.Append("<td colspan=\"").Append(header.Count.ToString(CultureInfo.InvariantCulture)).Append("\" style=\"")
                    .Append(CellPadding).Append(";text-align:center;color:#888\">").Append(Encode(row[0])).Append("</td></tr>");
                continue;
            }

            for (var c = 0; c < row.Count; c++)
            {
                var align = numeric[c] ? CellPadding : CellPadding + ";text-align:left";
                html.Append(clock is not null && clock[c] ? "<td class=\"" + ClockClass + "\" style=\"" : "<td style=\"").Append(wrapText && (c == 0 || numeric[c]) ? align + ";white-space:nowrap" : align).Append("\">")
                    .Append(Encode(row[c])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }
}
