namespace Interactive.DlExt.Cli;

/// <summary>Checks the <c>--report</c> path before any work: a legal file name in an existing folder that dlext can
/// write to (a probe file is created and deleted), and not a folder. Minutes of training must not end in "cannot write".</summary>
internal static class ReportTarget
{
    /// <summary>Returns the file's full path, or throws <see cref="DlExtArgumentException"/> naming <paramref name="option"/>
    /// (<c>--report</c> unless told otherwise; <c>--manifest</c> is checked the same way).</summary>
    public static string Check(string path, string option = OptionNames.Report)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DlExtArgumentException(option, "\"\"", "a file path such as " + Example(option));
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DlExtArgumentException(option, path, $"a legal file path ({e.Message})");
        }

        var name = Path.GetFileName(full);
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Directory.Exists(full))
        {
            throw new DlExtArgumentException(option, path, $"a file path such as {Example(option)}, not a folder");
        }

        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new DlExtArgumentException(option, path, $"a file in an existing folder ('{folder}' does not exist)");
        }

        var probe = Path.Combine(folder, $".dlext-probe-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DlExtArgumentException(option, path, $"a file in a folder dlext can write to ({e.Message})");
        }

        return full;
    }

    private static string Example(string option) => option == OptionNames.Manifest ? "out/run.json" : "out/report.html";
}
