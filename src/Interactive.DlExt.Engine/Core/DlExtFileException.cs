namespace Interactive.DlExt;

/// <summary>
/// A file the library reads (a data set, a study, saved weights) exists but is not what it should be: truncated,
/// corrupt, of another format, or inconsistent with itself. The message names the file, says what is wrong and
/// what to do, so a notebook or console can show one clean line; nothing is changed on disk.
/// </summary>
public sealed class DlExtFileException : IOException
{
    /// <summary>Creates the exception; the message reads "'<paramref name="path"/>': <paramref name="problem"/>".</summary>
    /// <param name="path">The file, as a full path.</param>
    /// <param name="problem">What is wrong and what to do, e.g. "is truncated (…); delete it and download it again".</param>
    /// <param name="innerException">The low-level error, if any, kept for diagnostics.</param>
    public DlExtFileException(string path, string problem, Exception? innerException = null)
        : base($"'{path}' {problem}", innerException)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file that is not as expected.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it and what to do, without the path.</summary>
    public string Problem { get; }
}
