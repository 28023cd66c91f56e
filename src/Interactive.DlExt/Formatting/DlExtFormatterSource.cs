using System.Collections;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The formatter source the engine's result types name in their <c>TypeFormatterSource</c> attribute:
/// the .NET Interactive kernel creates it with the parameterless constructor and asks it for formatters,
/// one text/html and one text/plain per supported type. It needs no reference to any kernel package.
/// </summary>
public sealed class DlExtFormatterSource
{
    /// <summary>The formatters of every supported type (training histories, models, optimizers, schedules, datasets, evaluations).</summary>
    /// <returns>Objects with <c>MimeType</c>, <c>Type</c> and <c>bool Format(object, TextWriter)</c>, as the kernel's convention expects.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The kernel's convention calls an instance method on an instance it creates.")]
    public IEnumerable CreateTypeFormatters()
    {
        foreach (var entry in ViewCatalog.Entries)
        {
            yield return new DlExtTypeFormatter(entry.Type, "text/html", entry.Html);
            yield return new DlExtTypeFormatter(entry.Type, "text/plain", entry.Text);
        }
    }
}
