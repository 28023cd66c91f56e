namespace Interactive.DlExt.Formatting;

/// <summary>
/// A record of a higher layer (a host's status line, the magics' help) that renders itself with this folder's kit,
/// so <see cref="ViewCatalog"/> shows it without referring upwards. Its text/plain view is its <c>ToString()</c>.
/// </summary>
internal interface IHtmlView
{
    /// <summary>The text/html view.</summary>
    string ToHtml();
}
