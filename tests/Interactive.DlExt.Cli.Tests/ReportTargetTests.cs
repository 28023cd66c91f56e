namespace Interactive.DlExt.Cli.Tests;

public sealed class ReportTargetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_path_in_a_writable_folder_is_accepted_and_the_probe_leaves_nothing_behind()
    {
        var path = Path.Combine(_folder, "r.html");

        Assert.Equal(path, ReportTarget.Check(path));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_path_in_a_folder_that_does_not_exist_is_refused_naming_the_folder()
    {
        var path = Path.Combine(_folder, "no", "such", "r.html");

        var error = Assert.Throws<DlExtArgumentException>(() => ReportTarget.Check(path));

        Assert.Equal("--report", error.ParamName);
        Assert.Contains(Path.Combine(_folder, "no", "such"), error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_path_is_refused(string path) =>
        Assert.Equal("--report", Assert.Throws<DlExtArgumentException>(() => ReportTarget.Check(path)).ParamName);

    [Fact]
    public void A_folder_is_not_a_report_path() =>
        Assert.Contains("not a folder", Assert.Throws<DlExtArgumentException>(() => ReportTarget.Check(_folder)).Reason, StringComparison.Ordinal);
}
