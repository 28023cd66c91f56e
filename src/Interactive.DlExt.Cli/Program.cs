using Interactive.DlExt.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (interrupt.IsCancellationRequested)
    {
        return; // a second Ctrl-C ends the process at once
    }

    e.Cancel = true; // stop training within a batch, skip the rest, still write the report
    Console.Error.WriteLine("dlext: stopping after this batch and writing the report (Ctrl-C again to quit at once)");
    interrupt.Cancel();
};

var trace = Environment.GetEnvironmentVariable("DLEXT_TRACE") == "1";
return await CliProgram.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, interrupt.Token, trace);
