using System.Text.RegularExpressions;
using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli;

/// <summary>Turns any exception that reaches the top of <c>dlext</c> into one line on the error writer and an exit code,
/// by type: nothing escapes <c>Main</c>, and a stack trace is printed only when DLEXT_TRACE=1.</summary>
internal static partial class CliFailures
{
    /// <summary>Writes what went wrong and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="error">The exception.</param>
    /// <param name="writer">Standard error.</param>
    /// <param name="trace">Whether to print the full trace of an internal error (DLEXT_TRACE=1).</param>
    public static int Report(Exception error, TextWriter writer, bool trace)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(writer);
        switch (error)
        {
            case DlExtArgumentException argument:
                writer.WriteLine($"dlext: {LibraryParameters.Rewrite(argument).Reason}");
                writer.WriteLine("run 'dlext --help' for the options");
                return ExitCodes.BadArguments;
            case DatasetUnavailableException unavailable:
                writer.WriteLine($"dlext: {ForCommandLine(unavailable.Message)}");
                return ExitCodes.DataUnavailable;
            case DlExtFileException or InvalidDataException:
                writer.WriteLine($"dlext: {OneLine(error.Message)}");
                return ExitCodes.BadFile;
            case RunnerMissingException missing:
                writer.WriteLine($"dlext: {missing.Message}");
                return ExitCodes.RunnerMissing;
            case SummaryNotWrittenException summary:
                writer.WriteLine($"dlext: {OneLine(summary.Message)}");
                return ExitCodes.ReportNotWritten;
            case OperationCanceledException:
                writer.WriteLine("dlext: cancelled");
                return ExitCodes.Cancelled;
            default:
                writer.WriteLine($"dlext: internal error ({error.GetType().Name}: {OneLine(error.Message)})" +
                    (trace ? "" : "; set DLEXT_TRACE=1 for the full trace"));
                if (trace)
                {
                    writer.WriteLine(error.ToString());
                }

                return ExitCodes.InternalError;
        }
    }

    /// <summary>The library tells a C# caller to pass <c>Datasets.Mnist(folder: "...")</c>; a command-line user passes
    /// <c>--data-dir PATH</c> or lets dlext download the files.</summary>
    public static string ForCommandLine(string message) =>
        LibraryCall().Replace(OneLine(message), OptionNames.DataDir + " PATH")
            .TrimEnd('.') + ", or let dlext download them (it needs network access).";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    [GeneratedRegex(@"\(Datasets\.\w+\(folder: ""\.\.\.""\)\)")]
    private static partial Regex LibraryCall();
}
