using System.IO.Compression;
using System.Xml.Linq;
using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

[Collection(RealKernelGroup.Name)]
public sealed class PackageLayoutTests(PackedBuild build)
{
    private string PackageFile(string id) => Path.Combine(build.PackagesSource, $"{id}.{build.Version}.nupkg");

    [Fact]
    public void One_pack_holds_every_package_a_notebook_needs()
    {
        Assert.True(File.Exists(PackageFile("Interactive.DlExt")));
        Assert.True(File.Exists(PackageFile("Interactive.DlExt.Engine")));
        Assert.True(File.Exists(PackageFile("Interactive.DlExt.XPlot")));
    }

    [Fact]
    public void The_package_has_both_target_frameworks_the_extension_the_readme_and_the_licence()
    {
        using var zip = ZipFile.OpenRead(PackageFile("Interactive.DlExt"));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net8.0/Interactive.DlExt.dll", entries);
        Assert.Contains("lib/net10.0/Interactive.DlExt.dll", entries);
        Assert.Contains("interactive-extensions/dotnet/extension.dib", entries);
        Assert.Contains("PACKAGE.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
    }

    [Fact]
    public void The_package_depends_on_the_engine_of_the_same_version_and_on_no_kernel_package()
    {
        using var zip = ZipFile.OpenRead(PackageFile("Interactive.DlExt"));
        var nuspec = XDocument.Load(zip.GetEntry("Interactive.DlExt.nuspec")!.Open());
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        var dependencies = metadata.Descendants(ns + "dependency").ToList();

        Assert.Contains(dependencies, d => (string?)d.Attribute("id") == "Interactive.DlExt.Engine" && (string?)d.Attribute("version") == build.Version);
        Assert.DoesNotContain(dependencies, d => ((string)d.Attribute("id")!).StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal));
        Assert.Equal("MIT", (string?)metadata.Element(ns + "license"));
        Assert.Equal("PACKAGE.md", (string?)metadata.Element(ns + "readme"));
    }

    [Fact]
    public void The_packed_extension_is_one_call_into_the_compiled_glue()
    {
        using var zip = ZipFile.OpenRead(PackageFile("Interactive.DlExt"));
        using var reader = new StreamReader(zip.GetEntry("interactive-extensions/dotnet/extension.dib")!.Open());
        var dib = reader.ReadToEnd();

        Assert.Equal(File.ReadAllText(Repository.PathOf("src", "Interactive.DlExt", "extension.dib")), dib);
        Assert.Contains("Interactive.DlExt.KernelGlue.DlExtKernelExtension.Load(Microsoft.DotNet.Interactive.Kernel.Root);", dib, StringComparison.Ordinal);
    }
}
