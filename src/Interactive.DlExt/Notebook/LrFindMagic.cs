namespace Interactive.DlExt.Notebook;

/// <summary>#!lr-find: runs <see cref="LearningRateFinder"/> on a notebook's model and data and shows the curve.</summary>
internal static class LrFindMagic
{
    public static async Task RunAsync(INotebookHost host, MagicArguments a)
    {
        var modelName = a.Text("--model") ?? throw new DlExtArgumentException("--model", "nothing",
            "the name of a C# variable holding a model, e.g. #!lr-find model --data digits");
        var (model, _) = TrainMagic.ResolveModel(host, modelName);
        var data = TrainMagic.ResolveData(host, a.Text("--data", "digits")!, model);
        var options = new LrFinderOptions
        {
            Optimizer = a.Text(Hyperparameters.Optimizer.Option, Hyperparameters.DefaultOptimizer)!,
            StartLearningRate = a.Number("--start", LrFinderOptions.DefaultStartLearningRate),
            EndLearningRate = a.Number("--end", LrFinderOptions.DefaultEndLearningRate),
            Steps = a.WholeNumber("--steps", LrFinderOptions.DefaultSteps),
            BatchSize = a.WholeNumber(Hyperparameters.BatchSize),
            Seed = (ulong)a.WholeNumber(Hyperparameters.Seed),
            Threads = a.WholeNumberOrNull(Hyperparameters.Threads.Option) ?? TrainingOptions.DefaultThreads,
        };

        LearningRateFinderResult result;
        try
        {
            result = await Task.Run(() => LearningRateFinder.Run(model, data, options, host.CancellationToken)).ConfigureAwait(false);
        }
        catch (DlExtArgumentException e) when (Option(e.ParamName) is { } option)
        {
            throw new DlExtArgumentException(option, e.Value, e.Accepted); // under the option the user typed
        }

        host.Display(result);
        if (a.Text("--out") is { } outName)
        {
            await host.SetVariableAsync(outName, result, typeof(LearningRateFinderResult)).ConfigureAwait(false);
        }
    }

    private static string? Option(string? parameter) => parameter switch
    {
        "start learning rate" => "--start",
        "end learning rate" => "--end",
        "steps" => "--steps",
        _ => parameter is null ? null : Hyperparameters.Find(parameter)?.Option,
    };
}
