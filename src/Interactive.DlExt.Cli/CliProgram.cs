using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.Cli;

/// <summary>The <c>dlext</c> command: parses the arguments, runs the main job and saves the report, turning bad
/// input into one clear line on the error writer and an exit code.</summary>
internal static class CliProgram
{
    /// <summary>Everything ran (or <c>--help</c> was asked for).</summary>
    public const int Success = 0;

    /// <summary>An option or its value was not accepted.</summary>
    public const int BadArguments = 2;

    /// <summary>The requested data set could not be found or downloaded.</summary>
    public const int DataUnavailable = 3;

    /// <summary>Runs the command and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Progress, results and the report's path.</param>
    /// <param name="error">Error messages.</param>
    /// <param name="rewriteLine">Whether progress rewrites one line (a terminal) or prints a line per epoch.</param>
    /// <param name="cancellationToken">Stops training within one batch; the partial run is still reported.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, bool rewriteLine, CancellationToken cancellationToken)
    {
        try
        {
            var options = CliOptions.Parse(args);
            if (options.Help)
            {
                output.WriteLine(CliOptions.Usage);
                return Success;
            }

            var console = new ConsoleHost(output, rewriteLine, cancellationToken);
            var report = new ReportHost(console);
            await MainJob.RunAsync(options, report, output).ConfigureAwait(false);
            var path = Path.GetFullPath(options.ReportPath);
            report.Save(path, $"dlext: {options.Model} on {options.Data}");
            output.WriteLine($"report: {path}");
            return Success;
        }
        catch (DlExtArgumentException e)
        {
            error.WriteLine($"dlext: {e.Reason}");
            error.WriteLine("run 'dlext --help' for the options");
            return BadArguments;
        }
        catch (DatasetUnavailableException e)
        {
            error.WriteLine($"dlext: {e.Message}");
            return DataUnavailable;
        }
    }
}
