using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

public sealed class GradeArgumentsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-grade-args-").FullName;

    public GradeArgumentsTests() => Directory.CreateDirectory(Submissions);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Submissions => Path.Combine(_folder, "submissions");

    [Fact]
    public void The_defaults_are_a_grades_folder_beside_the_submissions_300_seconds_and_no_package_source()
    {
        var options = GradeArguments.Read([Submissions]);

        Assert.Equal(Submissions, options.Submissions);
        Assert.Equal(Path.Combine(_folder, "submissions-grades"), options.Output);
        Assert.Equal(TimeSpan.FromSeconds(300), options.Timeout);
        Assert.Null(options.PackageSource);
    }

    [Fact]
    public void Every_option_is_read_in_any_order()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_folder, "feed")).FullName;
        File.WriteAllText(Path.Combine(feed, "Interactive.DlExt.1.2.3.nupkg"), "");

        var options = GradeArguments.Read(["--timeout", "60", Submissions + "/", "--package-source", feed, "--out", Path.Combine(_folder, "g")]);

        Assert.Equal((Submissions, Path.Combine(_folder, "g"), TimeSpan.FromSeconds(60)), (options.Submissions, options.Output, options.Timeout));
        Assert.Equal(new PackageSource(feed, "1.2.3"), options.PackageSource);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("ten")]
    [InlineData("86401")]
    public void A_timeout_that_is_not_a_whole_number_of_seconds_from_1_to_a_day_is_refused_naming_it(string value)
    {
        var error = Assert.Throws<DlExtArgumentException>(() => GradeArguments.Read([Submissions, "--timeout", value]));

        Assert.Equal($"--timeout = {value} is not accepted: expected a whole number of seconds from 1 to 86400, the time limit per notebook (default 300).", error.Reason);
    }

    [Fact]
    public void A_missing_submissions_folder_is_refused_with_what_a_submissions_folder_holds()
    {
        var missing = Path.Combine(_folder, "nope");

        var error = Assert.Throws<DlExtArgumentException>(() => GradeArguments.Read([missing]));

        Assert.Equal($"SUBMISSIONS = {missing} is not accepted: expected an existing folder holding one notebook (.ipynb or .dib) or one folder per submission.", error.Reason);
    }

    [Fact]
    public void No_submissions_folder_is_refused_with_an_example()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => GradeArguments.Read([]));

        Assert.Equal("SUBMISSIONS = nothing is not accepted: expected the folder of submissions: dlext grade submissions/.", error.Reason);
    }

    [Fact]
    public void Two_submissions_folders_are_refused_naming_both()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => GradeArguments.Read([Submissions, "more"]));

        Assert.Equal($"dlext grade takes one submissions folder; '{Submissions}' and 'more' were given", error.Reason);
    }

    [Fact]
    public void A_mistyped_option_gets_a_suggestion_and_the_list_of_options()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => GradeArguments.Read([Submissions, "--timout", "60"]));

        Assert.Equal("--timout is not an option of dlext grade (it takes --out, --timeout, --package-source); did you mean --timeout?", error.Reason);
    }

    [Fact]
    public void An_option_without_its_value_says_so_with_an_example()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => GradeArguments.Read([Submissions, "--out", "--timeout", "5"]));

        Assert.Equal("--out needs a value such as grades/", error.Reason);
    }

    [Fact]
    public void An_output_folder_inside_the_submissions_is_refused_because_it_would_be_graded()
    {
        var inside = Path.Combine(Submissions, "grades");

        var error = Assert.Throws<DlExtArgumentException>(() => GradeArguments.Read([Submissions, "--out", inside]));

        Assert.Equal($"--out = {inside} is not accepted: expected a folder outside {Submissions} (inside it, the grades would be graded as a submission).", error.Reason);
    }

    [Fact]
    public void A_package_source_without_the_package_is_refused_with_how_to_make_one()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_folder, "feed")).FullName;
        File.WriteAllText(Path.Combine(feed, "Interactive.DlExt.Engine.1.0.0.nupkg"), "");

        var error = Assert.Throws<DlExtArgumentException>(() => GradeArguments.Read([Submissions, "--package-source", feed]));

        Assert.StartsWith($"--package-source = {feed} is not accepted: expected a folder holding Interactive.DlExt.VERSION.nupkg", error.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; it holds no Interactive.DlExt package.", error.Reason, StringComparison.Ordinal);
    }
}
