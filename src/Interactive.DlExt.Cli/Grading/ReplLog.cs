using System.Text.RegularExpressions;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>
/// Reads dotnet-repl's log (<c>--log-path</c>) to tell which cell a run was in when it was stopped: dotnet-repl writes
/// the executed notebook only at the end, but logs each cell's submission as it starts (the kernel's
/// <c>SubmitCode</c> with the code's first line). The log format is not a documented interface, so a cell that cannot be
/// matched is reported as unknown rather than guessed.
/// </summary>
internal static partial class ReplLog
{
    /// <summary>The cell that was running last, or null when the log does not say.</summary>
    public static NotebookCell? RunningCell(string logFolder, IReadOnlyList<NotebookCell> cells)
    {
        if (!Directory.Exists(logFolder))
        {
            return null;
        }

        var started = new List<string>();
        foreach (var file in Directory.EnumerateFiles(logFolder).Order(StringComparer.Ordinal))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                while (reader.ReadLine() is { } line)
                {
                    var submitted = Submitted().Match(line);
                    if (submitted.Success && !submitted.Groups["token"].Value.Contains('.', StringComparison.Ordinal))
                    {
                        started.Add(submitted.Groups["code"].Value.Trim());
                    }
                }
            }
            catch (IOException)
            {
                return null;
            }
        }

        return Match(started, cells);
    }

    /// <summary>Follows the started submissions through the notebook's cells in order (the kernel also runs code of its
    /// own, e.g. a package's extension, which matches no cell and is skipped); returns the last cell matched.</summary>
    internal static NotebookCell? Match(IReadOnlyList<string> started, IReadOnlyList<NotebookCell> cells)
    {
        NotebookCell? current = null;
        var next = 0;
        foreach (var code in started)
        {
            var shown = code.EndsWith("...", StringComparison.Ordinal) ? code[..^3].TrimEnd() : code;
            for (var i = next; i < cells.Count; i++)
            {
                var first = cells[i].FirstLine;
                if (shown.Length > 0 && (first.StartsWith(shown, StringComparison.Ordinal) || (first.Length > 0 && shown.StartsWith(first, StringComparison.Ordinal))))
                {
                    current = cells[i];
                    next = i + 1;
                    break;
                }
            }
        }

        return current;
    }

    [GeneratedRegex(@"\[KernelInvocationContext\] \[KernelInvocationContext\]\s+▶\s+\+\[ \S+ SubmitCode (?<code>.*?) \(Token: (?<token>[^,]+), TargetKernelName:")]
    private static partial Regex Submitted();
}
