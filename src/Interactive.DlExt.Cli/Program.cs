using Interactive.DlExt;
using Interactive.DlExt.Cli;

try
{
    var options = CliOptions.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(CliOptions.Usage);
        return 0;
    }

    var (train, test) = MainJob.LoadData(options);
    MainJob.Run(options, train, test, Console.Out);
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
