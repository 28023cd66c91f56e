using Interactive.DlExt;
using Interactive.DlExt.Cli;
using Interactive.DlExt.Notebook;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish the current batch, keep the partial history and still write the report
    interrupt.Cancel();
};

try
{
    var options = CliOptions.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(CliOptions.Usage);
        return 0;
    }

    var console = new ConsoleHost(Console.Out, rewriteLine: !Console.IsOutputRedirected, interrupt.Token);
    var report = new ReportHost(console);
    await MainJob.RunAsync(options, report, Console.Out);
    var path = Path.GetFullPath(options.ReportPath);
    report.Save(path, $"dlext: {options.Model} on {options.Data}");
    Console.WriteLine($"report: {path}");
    return 0;
}
catch (DlExtArgumentException e)
{
    Console.Error.WriteLine($"dlext: {e.Reason}");
    Console.Error.WriteLine("run 'dlext --help' for the options");
    return 2;
}
catch (DatasetUnavailableException e)
{
    Console.Error.WriteLine($"dlext: {e.Message}");
    return 3;
}
