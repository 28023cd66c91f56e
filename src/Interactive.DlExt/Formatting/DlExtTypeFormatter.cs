namespace Interactive.DlExt.Formatting;

/// <summary>
/// One formatter in the shape the .NET Interactive kernel discovers by convention: a <c>MimeType</c>,
/// a <c>Type</c> and exactly one <c>bool Format(object, TextWriter)</c>. An overload, a typed first
/// parameter or a void return would make the kernel fail each time the value is displayed.
/// </summary>
internal sealed class DlExtTypeFormatter
{
    private readonly Func<object, string> _render;

    public DlExtTypeFormatter(Type type, string mimeType, Func<object, string> render)
    {
        Type = type;
        MimeType = mimeType;
        _render = render;
    }

    /// <summary>The MIME type this formatter writes.</summary>
    public string MimeType { get; }

    /// <summary>The type it formats (derived types included).</summary>
    public Type Type { get; }

    /// <summary>Writes the view of <paramref name="instance"/>; false when it is not of <see cref="Type"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !Type.IsInstanceOfType(instance))
        {
            return false;
        }

        writer.Write(_render(instance));
        return true;
    }
}
