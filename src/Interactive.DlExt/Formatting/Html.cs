using Interactive.DlExt.Formatting;

namespace Interactive.DlExt;

/// <summary>
/// The HTML views of the library's objects as strings: what a notebook shows for a training history,
/// model, optimizer, schedule, dataset or evaluation. Hosts without a notebook (reports, a web page)
/// use it; inside a notebook the formatters render the same views automatically.
/// </summary>
public static class Html
{
    /// <summary>
    /// The HTML view of <paramref name="value"/>: one &lt;div class="dlext-…"&gt; with inline styles and
    /// SVG charts, no scripts. A string becomes an encoded paragraph; any other unsupported object its
    /// encoded <c>ToString()</c> in a &lt;pre&gt;.
    /// </summary>
    /// <param name="value">A <see cref="TrainingHistory"/>, <see cref="EvaluationResult"/>, <see cref="ConfusionMatrix"/>, model (<see cref="Layer"/>), <see cref="ModelSummary"/>, <see cref="Optimizer"/>, <see cref="LearningRateSchedule"/>, <see cref="Dataset"/>, or any object.</param>
    /// <returns>The HTML fragment, deterministic for equal content.</returns>
    public static string Render(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            string text => "<p style=\"" + HtmlParts.Font + "font-size:13px;max-width:680px\">" + HtmlParts.Encode(text) + "</p>",
            _ when ViewCatalog.Find(value.GetType()) is { } entry => entry.Html(value),
            _ => "<pre style=\"font-size:12px\">" + HtmlParts.Encode(value.ToString()) + "</pre>",
        };
    }

    /// <summary>The short plain-text summary of <paramref name="value"/> (what a notebook shows as text/plain).</summary>
    /// <param name="value">Any object; unsupported ones give their <c>ToString()</c>.</param>
    /// <returns>The summary.</returns>
    public static string RenderText(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ViewCatalog.Find(value.GetType()) is { } entry ? entry.Text(value) : value.ToString() ?? string.Empty;
    }
}
