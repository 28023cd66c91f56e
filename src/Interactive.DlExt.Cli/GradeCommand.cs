using System.Globalization;
using System.Text;
using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli;

/// <summary><c>dlext grade SUBMISSIONS</c>: runs every submitted notebook headless in the notebook kernel (dotnet-repl),
/// each under a time limit, and writes <c>summary.csv</c> and <c>summary.html</c> with a row per submission. A notebook
/// that does not parse, fails, loops or lacks its data is reported in its row and the batch goes on: the exit code is 0
/// once the summary is written.</summary>
internal static class GradeCommand
{
    public const string Name = "grade";

    /// <summary>The summary's file names in the output folder.</summary>
    public const string CsvFile = "summary.csv";

    /// <inheritdoc cref="CsvFile"/>
    public const string HtmlFile = "summary.html";

    public static readonly string Usage =
        "usage: dlext grade SUBMISSIONS [--out DIR] [--timeout SECONDS] [--package-source FEED]\n" +
        "Runs each submission in SUBMISSIONS (a notebook .ipynb/.dib directly in it, or a folder holding one notebook and the\n" +
        "student's files, e.g. their run.json) headless in the notebook kernel with dotnet-repl, in a scratch copy, and\n" +
        "writes DIR/summary.csv and DIR/summary.html: per submission whether it ran, which cells failed and why, the\n" +
        "manifests the run wrote verified against the student's of the same name, test-set accesses, rubric (#!expect)\n" +
        "results and final metrics; the executed notebooks are kept in DIR/executed/.\n" +
        "  --out DIR                where the summary goes [default: SUBMISSIONS-grades beside SUBMISSIONS]\n" +
        $"  --timeout SECONDS        time limit per notebook; a notebook past it is stopped [default: {GradeOptions.DefaultTimeoutSeconds}]\n" +
        "  --package-source FEED    a folder of packages (dotnet pack -o FEED): the #r \"nuget: Interactive.DlExt\" line becomes\n" +
        "                           #i \"nuget: FEED\" and #r \"nuget: Interactive.DlExt, VERSION\" (the newest there)\n" +
        "Exit 0: the summary was written (whatever the notebooks did); 2: bad arguments; 8: dotnet-repl is missing\n" +
        "(run `dotnet tool restore` in the checkout).";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count == 1 && args[0] is "--help" or "-h" or "-?")
        {
            output.WriteLine(Usage);
            return ExitCodes.Success;
        }

        var options = GradeArguments.Read(args);
        var submissions = SubmissionFinder.Find(options.Submissions);
        if (submissions.Count == 0)
        {
            throw new DlExtArgumentException("SUBMISSIONS", options.Submissions,
                "a folder holding notebooks (.ipynb, .dib) or one folder per submission; it holds neither");
        }

        Directory.CreateDirectory(options.Output);
        output.WriteLine($"grade: {submissions.Count} submission(s) in {options.Submissions}, {options.Timeout.TotalSeconds:0} s each at most" +
            (options.PackageSource is { } source ? $", Interactive.DlExt {source.Version} from {source.Folder}" : string.Empty));

        NotebookRunner? runner = null;
        async Task<NotebookRunner> Runner(CancellationToken token)
        {
            if (runner is null)
            {
                runner = await NotebookRunner.LocateAsync(token).ConfigureAwait(false);
                output.WriteLine("grade: notebooks run with " + runner.Description);
            }

            return runner;
        }

        var grader = new SubmissionGrader(options, Runner);
        var rows = new List<GradeRow>();
        foreach (var submission in submissions)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                rows.Add(new GradeRow { Submission = submission.Name, Notebook = submission.NotebookName, Outcome = "not run: grading was cancelled" });
                continue;
            }

            GradeRow row;
            try
            {
                row = await grader.GradeAsync(submission, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                row = new GradeRow { Submission = submission.Name, Notebook = submission.NotebookName, Outcome = "not run: grading was cancelled while it ran" };
            }

            rows.Add(row);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grade: {row.Submission}: {(row.Ran ? "ran" : "did not run")}, {row.Outcome} ({row.Elapsed.TotalSeconds:0.0} s)"));
        }

        var csv = Path.Combine(options.Output, CsvFile);
        var html = Path.Combine(options.Output, HtmlFile);
        Save(csv, SummaryCsv.Write(rows));
        Save(html, SummaryHtml.Write($"Grades: {Path.GetFileName(options.Submissions)}", rows));
        output.WriteLine($"summary: {csv}");
        output.WriteLine($"summary: {html}");
        if (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("dlext grade: cancelled; the summary lists the submissions graded so far");
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Success;
    }

    private static void Save(string path, string content)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
        try
        {
            AtomicFile.Write(path, stream => stream.Write(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SummaryNotWrittenException(path, e);
        }
    }
}
