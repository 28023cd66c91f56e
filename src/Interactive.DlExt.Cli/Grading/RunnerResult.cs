namespace Interactive.DlExt.Cli.Grading;

/// <summary>How one dotnet-repl run ended.</summary>
/// <param name="ExitCode">dotnet-repl's exit code: 0 every cell succeeded, 2 some cell failed (it runs the rest anyway);
/// -1 when it was killed.</param>
/// <param name="TimedOut">Whether the time limit killed it (the whole process tree).</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="ErrorTail">The last lines it wrote to standard error, for a run that failed without a notebook.</param>
internal sealed record RunnerResult(int ExitCode, bool TimedOut, TimeSpan Elapsed, string ErrorTail);
