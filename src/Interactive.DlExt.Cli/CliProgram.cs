using System.CommandLine;
using System.CommandLine.Invocation;
using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.Cli;

/// <summary>The <c>dlext</c> command: parses the arguments, checks the report path, runs the main job and saves the
/// report. Every failure becomes one clear line on the error writer and an exit code (<see cref="ExitCodes"/>); no
/// exception escapes.</summary>
internal static class CliProgram
{
    /// <summary>Runs the command and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Progress, results and the report's path.</param>
    /// <param name="error">Error messages.</param>
    /// <param name="interactive">Whether output is a terminal: progress rewrites one line and the sweep shows a progress bar;
    /// otherwise a line per epoch and per trial.</param>
    /// <param name="cancellationToken">Stops training within one batch and skips the rest; the partial run is still reported.</param>
    /// <param name="trace">Whether an internal error prints its full trace (DLEXT_TRACE=1).</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken, bool trace = false)
    {
        try
        {
            if (args.Count > 0 && args[0] == VerifyCommand.Name)
            {
                return await VerifyCommand.RunAsync(args.Skip(1).ToList(), output, error, interactive, cancellationToken).ConfigureAwait(false);
            }

            if (args.Count > 0 && args[0] == GradeCommand.Name)
            {
                return await GradeCommand.RunAsync(args.Skip(1).ToList(), output, error, cancellationToken).ConfigureAwait(false);
            }

            var command = new CliCommand();
            var parse = command.Parse(args);
            if (parse.Action is { } action and not ParseErrorAction)
            {
                // --help, --version and the [suggest] directive.
                var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
                return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }

            var options = command.Read(parse) with { Arguments = [.. args] };
            var path = ReportTarget.Check(options.ReportPath);
            if (options.ManifestPath is { } manifest)
            {
                ReportTarget.Check(manifest, OptionNames.Manifest);
            }

            var report = new ReportHost(new ConsoleHost(output, interactive, cancellationToken));
            var (outcome, message) = await MainJob.RunAsync(options, report, output, interactive).ConfigureAwait(false);
            var title = $"dlext: {options.Model} on {options.Data}" + outcome switch
            {
                JobOutcome.Cancelled => " (cancelled)",
                JobOutcome.Diverged => " (diverged)",
                _ => "",
            };
            try
            {
                report.Save(path, title);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DlExtArgumentException)
            {
                // Checked before training, but the folder can go away (or fill up) while training runs.
                var reason = e is DlExtArgumentException argument ? argument.Reason : e.Message;
                error.WriteLine($"dlext: the report could not be written to '{path}': {reason}");
                return ExitCodes.ReportNotWritten;
            }

            output.WriteLine($"report: {path}");
            switch (outcome)
            {
                case JobOutcome.Diverged:
                    error.WriteLine($"dlext: training {message}; the report was written and the sweep skipped");
                    return ExitCodes.Diverged;
                case JobOutcome.Cancelled:
                    error.WriteLine("dlext: cancelled; the rest was skipped and the partial run is in the report");
                    return ExitCodes.Cancelled;
                default:
                    return ExitCodes.Success;
            }
        }
        catch (Exception e)
        {
            return CliFailures.Report(e, error, trace);
        }
    }
}
