using System.Globalization;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>
/// Grades one submission: copies it to a fresh scratch folder (the student's files are never touched), points its
/// package cell at the feed when one is given, runs it with dotnet-repl under the time limit, keeps the executed notebook
/// in the output folder, and reads the cells' errors, the manifests the run wrote (verified against the student's), the
/// rubric checks and the test-set uses. Whatever goes wrong with a notebook ends up in its row. The runner is asked for
/// only when a notebook is to run, so a batch of notebooks that do not parse needs no dotnet-repl.
/// </summary>
internal sealed class SubmissionGrader(GradeOptions options, Func<CancellationToken, Task<NotebookRunner>> runner)
{
    /// <summary>The folder under the output folder that keeps the executed notebooks.</summary>
    public const string ExecutedFolder = "executed";

    public async Task<GradeRow> GradeAsync(Submission submission, CancellationToken cancellationToken)
    {
        if (submission.Problem is { } problem || submission.Notebook is null)
        {
            return new GradeRow { Submission = submission.Name, Outcome = "not run: " + (submission.Problem ?? "no notebook") };
        }

        NotebookFile notebook;
        try
        {
            notebook = NotebookFile.Read(submission.Notebook);
        }
        catch (DlExtFileException e)
        {
            return new GradeRow
            {
                Submission = submission.Name,
                Notebook = submission.NotebookName,
                Outcome = "does not parse: the notebook " + e.Problem,
            };
        }

        var scratch = Directory.CreateTempSubdirectory("dlext-grade-").FullName;
        try
        {
            return await RunAsync(submission, notebook, scratch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    private async Task<GradeRow> RunAsync(Submission submission, NotebookFile notebook, string scratch, CancellationToken cancellationToken)
    {
        var work = Path.Combine(scratch, "work");
        var name = submission.NotebookName!;
        if (submission.Folder is { } folder)
        {
            CopyFolder(folder, work);
        }
        else
        {
            Directory.CreateDirectory(work);
        }

        var copy = Path.Combine(work, name);
        var replaced = notebook.SaveCopy(copy, options.PackageSource);
        var current = Path.GetDirectoryName(copy)!;
        var studentFolder = submission.Folder is null ? null : Path.GetDirectoryName(submission.Notebook)!;
        var snapshot = FolderSnapshot.Take(current);
        var executedPath = Path.Combine(scratch, "executed.ipynb");
        var log = Path.Combine(scratch, "log");
        Directory.CreateDirectory(log);

        var repl = await runner(cancellationToken).ConfigureAwait(false);
        var result = await repl.RunNotebookAsync(scratch, current, Path.GetFileName(copy), executedPath, log, options.Timeout, cancellationToken).ConfigureAwait(false);
        var manifests = RerunManifest.Collect(current, snapshot.WrittenSince(), studentFolder);
        var row = new GradeRow
        {
            Submission = submission.Name,
            Notebook = name,
            Outcome = string.Empty,
            Elapsed = result.Elapsed,
            Manifests = manifests,
            SubmittedOnly = SubmittedOnly(studentFolder, manifests),
        };
        var note = options.PackageSource is not null && replaced == 0
            ? $" (no #r \"nuget: {PackageSource.PackageId}\" line to point at the package source: it ran as submitted)"
            : string.Empty;

        if (result.TimedOut)
        {
            var cell = ReplLog.RunningCell(log, NotebookFile.Read(copy).Cells);
            var where = cell is null ? " (the running cell is not known)" : $" in cell {cell.Number} ({Shorten(cell.FirstLine)})";
            return row with
            {
                Outcome = string.Create(CultureInfo.InvariantCulture, $"timed out after {options.Timeout.TotalSeconds:0} s{where}") + note,
                Checks = Checks([], manifests),
            };
        }

        if (!File.Exists(executedPath))
        {
            return row with
            {
                Outcome = $"dotnet-repl failed (exit code {result.ExitCode}) and wrote no executed notebook: {(result.ErrorTail.Length == 0 ? "nothing on standard error" : result.ErrorTail.ReplaceLineEndings(" "))}" + note,
                Checks = Checks([], manifests),
            };
        }

        var kept = KeepExecuted(submission, executedPath);
        var executed = ExecutedNotebook.Read(executedPath, current);
        return row with
        {
            Ran = true,
            Outcome = (executed.Failures.Count == 0
                ? $"all {executed.CodeCells} code cells succeeded"
                : $"{executed.Failures.Select(f => f.Cell).Distinct().Count()} of {executed.CodeCells} code cells failed") + note,
            Failures = executed.Failures,
            NotebookVerifications = executed.Verifications,
            Checks = Checks(executed.Checks, manifests),
            ExecutedNotebook = kept,
        };
    }

    private string KeepExecuted(Submission submission, string executedPath)
    {
        var folder = Path.Combine(options.Output, ExecutedFolder);
        Directory.CreateDirectory(folder);
        var baseName = submission.Folder is null ? Path.GetFileNameWithoutExtension(submission.Name) : submission.Name;
        var target = Path.Combine(folder, baseName + ".ipynb");
        var bytes = File.ReadAllBytes(executedPath);
        AtomicFile.Write(target, stream => stream.Write(bytes));
        return Path.GetRelativePath(options.Output, target);
    }

    private static IReadOnlyList<ExpectationResult> Checks(IReadOnlyList<ExpectationResult> shown, IReadOnlyList<RerunManifest> manifests) =>
        [.. shown.Concat(manifests.SelectMany(m => m.Manifest.Checks)).Distinct()];

    private static List<string> SubmittedOnly(string? studentFolder, IReadOnlyList<RerunManifest> rerun)
    {
        if (studentFolder is null)
        {
            return [];
        }

        var submitted = new List<string>();
        foreach (var file in Directory.EnumerateFiles(studentFolder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(studentFolder, file);
            if (rerun.Any(m => m.File == relative))
            {
                continue;
            }

            try
            {
                RunManifest.Load(file);
                submitted.Add(relative);
            }
            catch (DlExtFileException)
            {
                // Not a manifest.
            }
        }

        return submitted;
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "…";

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A process the kill missed may still hold a file; the temp folder is the OS's to clean.
        }
    }
}
