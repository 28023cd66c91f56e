using System.Globalization;
using System.Reflection;
using System.Text;

namespace Interactive.DlExt.Notebook;

/// <summary>What <c>#!dlext</c> shows: every magic with its options, defaults and an example, the package
/// version and the kernel it was tested with.</summary>
/// <param name="Magics">The magics to describe.</param>
[Formatting.TypeFormatterSource(typeof(Formatting.DlExtFormatterSource))]
public sealed record MagicHelp(IReadOnlyList<MagicSpec> Magics) : Formatting.IHtmlView
{
    /// <summary>The package version.</summary>
    public string PackageVersion { get; } =
        typeof(MagicHelp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>Which kernel the magics were tested with, and what another kernel shows.</summary>
    public static string KernelRequirement => DlExtMagics.KernelRequirement;

    string Formatting.IHtmlView.ToHtml() => MagicHelpView.Html(this);

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Interactive.DlExt {PackageVersion}. {KernelRequirement}");
        foreach (var magic in Magics)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{magic.Name}: {magic.Description}");
            var width = magic.Options.Count == 0 ? 0 : magic.Options.Max(o => o.Name.Length);
            foreach (var o in magic.Options)
            {
                var defaults = o.Default is null ? string.Empty : $" (default {o.Default})";
                var choices = o.Kind == MagicOptionKind.Choice || (o.Kind == MagicOptionKind.List && o.Allowed.Count > 0) ? $" [{string.Join("|", o.Allowed)}]" : string.Empty;
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {o.Name.PadRight(width)}  {o.Description}{choices}{defaults}");
            }

            sb.AppendLine(CultureInfo.InvariantCulture, $"  example: {magic.Example}");
        }

        return sb.ToString();
    }
}
