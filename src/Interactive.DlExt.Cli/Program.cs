using Interactive.DlExt.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish the current batch, keep the partial history and still write the report
    interrupt.Cancel();
};

return await CliProgram.RunAsync(args, Console.Out, Console.Error, rewriteLine: !Console.IsOutputRedirected, interrupt.Token);
