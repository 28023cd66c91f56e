namespace Interactive.DlExt.Cli;

/// <summary>The exit codes of <c>dlext</c>. <see cref="All"/> is what <c>--help</c> prints and what the README's
/// table must say (a test compares them).</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran (or <c>--help</c> was asked for).</summary>
    public const int Success = 0;

    /// <summary>A bug: one line on standard error; the full trace only with DLEXT_TRACE=1.</summary>
    public const int InternalError = 1;

    /// <summary>An option or its value was not accepted (checked before any work).</summary>
    public const int BadArguments = 2;

    /// <summary>The data set could be neither found nor downloaded.</summary>
    public const int DataUnavailable = 3;

    /// <summary>A file exists but its content is wrong (a truncated or corrupt data file or training checkpoint).</summary>
    public const int BadFile = 4;

    /// <summary>The HTML report could not be written.</summary>
    public const int ReportNotWritten = 5;

    /// <summary>Training diverged (a NaN, infinite or exploding loss): the report is still written, the sweep skipped.</summary>
    public const int Diverged = 6;

    /// <summary><c>dlext verify</c>: the re-run differs from the manifest (the first difference and its likely cause are printed).</summary>
    public const int NotReproduced = 7;

    /// <summary><c>dlext grade</c>: dotnet-repl, which runs the notebooks, is not installed (or not restored).</summary>
    public const int RunnerMissing = 8;

    /// <summary>Interrupted with Ctrl-C: training stopped within a batch, the rest was skipped, the report says "(cancelled)".</summary>
    public const int Cancelled = 130;

    /// <summary>Every exit code with its meaning, in order.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Success, "success"),
        (InternalError, "internal error (one line; set DLEXT_TRACE=1 for the full trace)"),
        (BadArguments, "bad arguments"),
        (DataUnavailable, "data unavailable (pass --data-dir PATH or allow the download)"),
        (BadFile, "a file's content is wrong (corrupt or truncated data file or checkpoint)"),
        (ReportNotWritten, "the report (or dlext grade's summary) could not be written"),
        (Diverged, "training diverged (report written, sweep skipped)"),
        (NotReproduced, "dlext verify: the re-run differs from the manifest (first difference and likely cause printed)"),
        (RunnerMissing, "dlext grade: dotnet-repl, which runs the notebooks, is missing (run dotnet tool restore)"),
        (Cancelled, "interrupted by Ctrl-C (report written, titled \"(cancelled)\")"),
    ];
}
