using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

public sealed class PackageSourceTests : IDisposable
{
    private readonly string _feed = Directory.CreateTempSubdirectory("dlext-feed-").FullName;

    public void Dispose() => Directory.Delete(_feed, recursive: true);

    [Fact]
    public void The_newest_Interactive_DlExt_version_in_the_feed_is_pinned_and_other_packages_are_ignored()
    {
        foreach (var file in new[]
        {
            "Interactive.DlExt.0.1.0-test.9.nupkg", "Interactive.DlExt.0.1.0-test.10.nupkg", "Interactive.DlExt.0.1.0-test.10.snupkg",
            "Interactive.DlExt.Engine.0.9.0.nupkg", "Interactive.DlExt.XPlot.0.9.0.nupkg", "Interactive.DlExt.0.1.0-alpha.nupkg",
        })
        {
            File.WriteAllText(Path.Combine(_feed, file), "");
        }

        var source = PackageSource.Open(_feed, "--package-source");

        Assert.Equal("0.1.0-test.10", source.Version);
        Assert.Equal([$"#i \"nuget: {_feed}\"", "#r \"nuget: Interactive.DlExt, 0.1.0-test.10\""], source.LoadLines);
    }

    [Theory]
    [InlineData("1.0.0", "1.0.0-rc.1")]
    [InlineData("1.10.0", "1.9.0")]
    [InlineData("1.0.0-beta.11", "1.0.0-beta.2")]
    [InlineData("1.0.0-beta", "1.0.0-alpha.5")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha")]
    public void Versions_are_ordered_as_NuGet_orders_them(string newer, string older)
    {
        Assert.True(PackageVersionComparer.Instance.Compare(newer, older) > 0);
        Assert.True(PackageVersionComparer.Instance.Compare(older, newer) < 0);
    }

    [Fact]
    public void A_missing_folder_is_refused_naming_the_option()
    {
        var missing = Path.Combine(_feed, "none");

        var error = Assert.Throws<DlExtArgumentException>(() => PackageSource.Open(missing, "--package-source"));

        Assert.StartsWith($"--package-source = {missing} is not accepted: expected a folder holding Interactive.DlExt.VERSION.nupkg", error.Reason, StringComparison.Ordinal);
    }
}
