namespace Interactive.DlExt.Formatting;

/// <summary>
/// The .NET Interactive formatter convention for the package library's own types (the notebook records):
/// the kernel honours any attribute class named exactly <c>TypeFormatterSourceAttribute</c> with a
/// <c>Type FormatterSourceType</c> property. Here the source is in the same assembly, so it is named by type;
/// the engine has its own copy that names the source by string.
/// </summary>
/// <example><c>[Formatting.TypeFormatterSource(typeof(Formatting.DlExtFormatterSource))]</c> on a record in Interactive.DlExt.Notebook.</example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The formatter source type.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types offered by the source, richest first.</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html", "text/plain"];
}
