using System.Globalization;

namespace Interactive.DlExt.Cli.Tests;

/// <summary>dlext grade in process, on submissions that never reach the kernel (the real runs are in the real-kernel tests).</summary>
public sealed class GradeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-grade-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Help_prints_the_usage_with_every_option_and_the_exit_codes()
    {
        var run = await Run("grade", "--help");

        Assert.Equal((0, ""), (run.Code, run.Error));
        Assert.StartsWith("usage: dlext grade SUBMISSIONS [--out DIR] [--timeout SECONDS] [--package-source FEED]", run.Output, StringComparison.Ordinal);
        Assert.Contains("--timeout SECONDS        time limit per notebook; a notebook past it is stopped [default: 300]", run.Output, StringComparison.Ordinal);
        Assert.Contains("8: dotnet-repl is missing", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_main_help_names_the_grade_and_verify_commands()
    {
        var run = await Run("--help");

        Assert.Contains("dlext grade SUBMISSIONS", run.Output, StringComparison.Ordinal);
        Assert.Contains("dlext verify MANIFEST", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_submissions_folder_exits_with_2_naming_the_folder()
    {
        var missing = Path.Combine(_folder, "none");

        var run = await Run("grade", missing);

        Assert.Equal((2, ""), (run.Code, run.Output));
        Assert.StartsWith($"dlext: SUBMISSIONS = {missing} is not accepted: expected an existing folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_submissions_folder_exits_with_2_saying_what_it_should_hold()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var run = await Run("grade", empty);

        Assert.Equal(2, run.Code);
        Assert.StartsWith($"dlext: SUBMISSIONS = {empty} is not accepted: expected a folder holding notebooks (.ipynb, .dib) or one folder per submission; it holds neither.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submissions_that_cannot_run_are_reported_in_their_rows_and_grading_still_exits_with_0()
    {
        var submissions = Directory.CreateDirectory(Path.Combine(_folder, "class")).FullName;
        await File.WriteAllTextAsync(Path.Combine(submissions, "dave.ipynb"), "{\"cells\": [\n}");
        Directory.CreateDirectory(Path.Combine(submissions, "erin"));
        await File.WriteAllTextAsync(Path.Combine(submissions, "erin", "run.json"), "{}");
        await File.WriteAllTextAsync(Path.Combine(submissions, "notes.txt"), "not a submission");

        var run = await Run("grade", submissions);

        Assert.Equal((0, ""), (run.Code, run.Error));
        var grades = Path.Combine(_folder, "class-grades");
        Assert.Equal(
        [
            $"grade: 2 submission(s) in {submissions}, 300 s each at most",
            "grade: dave.ipynb: did not run, does not parse: the notebook is not valid JSON at line 2, column 1: '}' is an invalid start of a value. (0.0 s)",
            "grade: erin: did not run, not run: no notebook (.ipynb or .dib) in the folder (0.0 s)",
            $"summary: {Path.Combine(grades, "summary.csv")}",
            $"summary: {Path.Combine(grades, "summary.html")}",
        ], run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        var csv = await File.ReadAllLinesAsync(Path.Combine(grades, "summary.csv"));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("dave.ipynb,dave.ipynb,no,does not parse: the notebook is not valid JSON at line 2, column 1", csv[1].Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("erin,,no,not run: no notebook (.ipynb or .dib) in the folder,,,,,,,,0.0,", csv[2]);
        Assert.True(File.Exists(Path.Combine(grades, "summary.html")));
        Assert.False(Directory.Exists(Path.Combine(grades, "executed")));
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliProgram.RunAsync(args, output, error, interactive: false, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
