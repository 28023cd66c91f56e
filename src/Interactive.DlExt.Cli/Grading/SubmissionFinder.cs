namespace Interactive.DlExt.Cli.Grading;

/// <summary>Lists the submissions in a folder, in name order: each notebook (.ipynb, .dib) directly in it, and each
/// sub-folder (hidden ones skipped). A folder with no notebook or several is still listed, with the problem, so that
/// its row says why it was not run.</summary>
internal static class SubmissionFinder
{
    public static IReadOnlyList<Submission> Find(string submissions)
    {
        var found = new List<Submission>();
        foreach (var file in Directory.EnumerateFiles(submissions).Where(Submission.IsNotebook))
        {
            found.Add(new Submission(Path.GetFileName(file), null, file, null));
        }

        foreach (var folder in Directory.EnumerateDirectories(submissions).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            var name = Path.GetFileName(folder);
            var notebooks = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(Submission.IsNotebook)
                .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
                .Order(StringComparer.Ordinal)
                .ToList();
            found.Add(notebooks.Count switch
            {
                1 => new Submission(name, folder, notebooks[0], null),
                0 => new Submission(name, folder, null, "no notebook (.ipynb or .dib) in the folder"),
                _ => new Submission(name, folder, null, "several notebooks (" + string.Join(", ", notebooks.Select(n => Path.GetRelativePath(folder, n))) +
                    "): a submission folder holds one"),
            });
        }

        return [.. found.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }
}
