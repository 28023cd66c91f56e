using System.Diagnostics.CodeAnalysis;

namespace Interactive.DlExt;

/// <summary>
/// The .NET Interactive formatter convention: the kernel's formatter honours any attribute class named
/// exactly <c>TypeFormatterSourceAttribute</c> with a <c>Type FormatterSourceType</c> property, so the
/// engine gets rich notebook output without referencing any kernel package.
/// </summary>
/// <remarks>
/// The engine must not reference the package library that renders the views, so the source is named by
/// its assembly-qualified type name and resolved lazily (with <see cref="Type.GetType(string)"/>, in the
/// engine's load context) the first time a value is displayed. When the package library is not loaded,
/// <see cref="FormatterSourceType"/> is <see langword="null"/> and the kernel falls back to its default
/// formatting (the types' <c>ToString()</c> and property tables).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>The source of the notebook views of the engine's result types, in the package library.</summary>
    public const string DlExtSource = "Interactive.DlExt.Formatting.DlExtFormatterSource, Interactive.DlExt";

    private readonly Lazy<Type?> _sourceType;

    /// <summary>Names the formatter source type, e.g. <see cref="DlExtSource"/>.</summary>
    public TypeFormatterSourceAttribute(string formatterSourceTypeName)
    {
        FormatterSourceTypeName = formatterSourceTypeName;
        _sourceType = new Lazy<Type?>(() => Resolve(formatterSourceTypeName));
    }

    /// <summary>The assembly-qualified name of the formatter source type.</summary>
    public string FormatterSourceTypeName { get; }

    /// <summary>The formatter source type, or <see langword="null"/> when its assembly is not loaded or not found.</summary>
    public Type? FormatterSourceType => _sourceType.Value;

    /// <summary>The MIME types offered by the source, richest first.</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html", "text/plain"];

    [UnconditionalSuppressMessage("Trimming", "IL2057", Justification = "The formatter source is looked up by name on purpose; it is absent when trimmed away.")]
    private static Type? Resolve(string name)
    {
        try
        {
            return Type.GetType(name, throwOnError: false);
        }
        catch (FileLoadException)
        {
            return null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}
