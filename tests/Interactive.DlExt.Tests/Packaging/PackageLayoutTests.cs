using System.IO.Compression;
using System.Xml.Linq;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Packaging;

public sealed class PackageLayoutTests
{
    private static readonly Lazy<string> Package = new(PackOnce);

    [Fact]
    public void The_package_has_both_target_frameworks_the_extension_the_readme_and_the_licence()
    {
        using var zip = ZipFile.OpenRead(Package.Value);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net8.0/Interactive.DlExt.dll", entries);
        Assert.Contains("lib/net10.0/Interactive.DlExt.dll", entries);
        Assert.Contains("interactive-extensions/dotnet/extension.dib", entries);
        Assert.Contains("PACKAGE.md", entries);
        Assert.Contains("LICENSE", entries);
    }

    [Fact]
    public void The_package_depends_on_the_engine_and_on_no_dotnet_interactive_package()
    {
        using var zip = ZipFile.OpenRead(Package.Value);
        var nuspec = XDocument.Load(zip.GetEntry("Interactive.DlExt.nuspec")!.Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).ToList();

        Assert.Contains("Interactive.DlExt.Engine", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
        Assert.Equal("MIT", (string?)metadata.Element(ns + "license"));
        Assert.Equal("PACKAGE.md", (string?)metadata.Element(ns + "readme"));
        Assert.NotNull(metadata.Element(ns + "repository")?.Attribute("commit")); // Source Link's commit stamp
    }

    [Fact]
    public void The_packed_extension_is_the_glue_that_registers_every_magic()
    {
        using var zip = ZipFile.OpenRead(Package.Value);
        using var reader = new StreamReader(zip.GetEntry("interactive-extensions/dotnet/extension.dib")!.Open());
        var dib = reader.ReadToEnd();

        Assert.Equal(File.ReadAllText(Repository.PathOf("src", "Interactive.DlExt", "extension.dib")), dib);
        Assert.Contains("Interactive.DlExt.Notebook.DlExtMagics.All", dib, StringComparison.Ordinal);
        Assert.Contains("Interactive.DlExt.Notebook.MagicInvoker.InvokeAsync", dib, StringComparison.Ordinal);
    }

    private static string PackOnce()
    {
        var output = Path.Combine(Path.GetTempPath(), "dlext-pack-" + Guid.NewGuid().ToString("N"));
        var (code, log) = Repository.Dotnet($"pack src/Interactive.DlExt -c Release -o \"{output}\"", TimeSpan.FromMinutes(5));
        Assert.True(code == 0, log);
        return Directory.GetFiles(output, "Interactive.DlExt.*.nupkg").Single(f => !f.Contains(".Engine.", StringComparison.Ordinal));
    }
}
