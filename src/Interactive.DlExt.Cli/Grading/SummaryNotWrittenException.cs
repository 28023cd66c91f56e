namespace Interactive.DlExt.Cli.Grading;

/// <summary>The grading summary could not be written (<see cref="ExitCodes.ReportNotWritten"/>).</summary>
internal sealed class SummaryNotWrittenException(string path, Exception inner)
    : IOException($"the summary could not be written to '{path}': {inner.Message}", inner);
