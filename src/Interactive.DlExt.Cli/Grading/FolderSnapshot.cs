namespace Interactive.DlExt.Cli.Grading;

/// <summary>The files of a folder and when each was last written, to tell afterwards which files a run wrote (a
/// manifest the student submitted is copied in beside the notebook and must not pass for the re-run's).</summary>
internal sealed class FolderSnapshot
{
    private readonly string _folder;
    private readonly Dictionary<string, DateTime> _written;

    private FolderSnapshot(string folder, Dictionary<string, DateTime> written)
    {
        _folder = folder;
        _written = written;
    }

    /// <summary>Records the files under <paramref name="folder"/> now.</summary>
    public static FolderSnapshot Take(string folder) =>
        new(folder, Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc, StringComparer.Ordinal));

    /// <summary>The files created or rewritten since, relative to the folder, in name order.</summary>
    public IReadOnlyList<string> WrittenSince() =>
    [
        .. Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories)
            .Where(f => !_written.TryGetValue(f, out var before) || File.GetLastWriteTimeUtc(f) != before)
            .Select(f => Path.GetRelativePath(_folder, f))
            .Order(StringComparer.Ordinal),
    ];
}
