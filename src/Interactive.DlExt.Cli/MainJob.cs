using System.Globalization;
using Interactive.DlExt.Notebook;
using Interactive.DlExt.Search;
using Spectre.Console;

namespace Interactive.DlExt.Cli;

/// <summary>The README's main job: load data, build a model, train with progress, evaluate on the test set, sweep.</summary>
internal static class MainJob
{
    public static (Dataset Train, Dataset Test) LoadData(CliOptions options)
    {
        try
        {
            return Load(options);
        }
        catch (DlExtArgumentException e)
        {
            throw LibraryParameters.Rewrite(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not DlExtFileException and not DatasetUnavailableException)
        {
            // A folder that cannot be read is data that is not available, not a corrupt file.
            throw new DatasetUnavailableException($"could not read the {options.Data} files: {e.Message}", e);
        }
    }

    private static (Dataset Train, Dataset Test) Load(CliOptions options)
    {
        var (train, test) = options.Data switch
        {
            // The digits have no official test set: hold out a stratified 20 % once, with the run's seed.
            "digits" => DataSplit.TrainTest(Datasets.Digits(), 0.2, options.Seed),
            "fashion-mnist" => (Datasets.FashionMnist(options.DataFolder, train: true), Datasets.FashionMnist(options.DataFolder, train: false)),
            _ => (Datasets.Mnist(options.DataFolder, train: true), Datasets.Mnist(options.DataFolder, train: false)),
        };
        return RecipeFor(options.Model, train).WantsVectors ? (train.Flatten(), test.Flatten()) : (train, test);
    }

    /// <summary>A batch bigger than the training part is refused before training, under the option that asked for it.</summary>
    public static void CheckBatchSizes(CliOptions options, Dataset train)
    {
        var samples = train.Count - DataSplit.HeldOutCount(train.Count, options.ValidationSplit);
        var accepted = $"at most the {samples} training samples (after the validation split)";
        if (options.BatchSize > samples)
        {
            throw new DlExtArgumentException(OptionNames.BatchSize, options.BatchSize.ToString(CultureInfo.InvariantCulture), accepted);
        }

        if (options.SweepTrials > 0 && options.SweepBatchSizes.Any(b => b > samples))
        {
            throw new DlExtArgumentException(OptionNames.SweepBatchSizes, string.Join(',', options.SweepBatchSizes), "sizes of " + accepted);
        }
    }

    public static Sequential BuildModel(CliOptions options, Dataset train)
    {
        try
        {
            return RecipeFor(options.Model, train).Build(train);
        }
        catch (DlExtArgumentException e)
        {
            throw new DlExtArgumentException(OptionNames.Model, e.Value, e.Accepted);
        }
    }

    /// <summary>The model as a recipe: a written one as given; mlp and cnn sized for the data (the course's 512-256 MLP
    /// and the benchmark's 32-64 CNN on 28×28 images, 128-64 and 16 on the 8×8 digits).</summary>
    private static ModelRecipe RecipeFor(string model, Dataset train) => ModelRecipe.Parse(model switch
    {
        "mlp" => train.Features.ItemLength > 100 ? "mlp:512,256" : "mlp:128,64",
        "cnn" => train.ItemShape[^1] >= 28 ? "cnn:32,64" : "cnn:16",
        var written => written,
    }, OptionNames.Model);

    /// <summary>The main job's training: data, model, the run (its manifest records the command line); no evaluation.</summary>
    public static async Task<(TrainingHistory History, Sequential Model, Dataset Train, Dataset Test)> TrainAsync(CliOptions options, INotebookHost host, TextWriter output)
    {
        var (train, test) = LoadData(options);
        CheckBatchSizes(options, train);
        output.WriteLine($"data: {train}; {test}");
        var model = BuildModel(options, train);
        try
        {
            var training = new TrainingOptions
            {
                Epochs = options.Epochs,
                BatchSize = options.BatchSize,
                Optimizer = Optimizers.Create(options.Optimizer, options.LearningRate, options.WeightDecay, options.Momentum, options.Beta1, options.Beta2, options.Rho),
                ValidationSplit = options.ValidationSplit,
                Seed = options.Seed,
                Threads = options.Threads,
                EarlyStopping = options.EarlyStop is { } patience ? new EarlyStopping(patience) : null,
                ClipNorm = options.ClipNorm,
                ClipValue = options.ClipValue,
                Command = CommandLineText.Join(options.Arguments),
                Checkpoint = options.CheckpointFolder is { } folder ? new CheckpointOptions(folder, options.CheckpointEvery) : null,
                Resume = options.Resume,
            };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"training {options.Model} with {options.Optimizer} (η = {NumberText.General(options.LearningRate, 3)}), batch {options.BatchSize}, {options.Epochs} {(options.Epochs == 1 ? "epoch" : "epochs")}, seed {options.Seed}"));
            var history = await Dl.TrainAsync(host, new TrainRequest(model, train, training)).ConfigureAwait(false);
            return (history, model, train, test);
        }
        catch (DlExtArgumentException e)
        {
            throw LibraryParameters.Rewrite(e);
        }
    }

    /// <summary>Runs the job; a diverged or cancelled training skips evaluation and the sweep.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="host">Collects the report and echoes progress.</param>
    /// <param name="output">Where the job's own lines go.</param>
    /// <param name="interactive">Whether output is a terminal (the sweep then shows a progress bar).</param>
    public static async Task<(JobOutcome Outcome, string Message)> RunAsync(CliOptions options, ReportHost host, TextWriter output, bool interactive)
    {
        var (history, model, train, test) = await TrainAsync(options, host, output).ConfigureAwait(false);
        if (options.ManifestPath is { } manifestPath)
        {
            history.SaveManifest(manifestPath);
            output.WriteLine($"manifest: {Path.GetFullPath(manifestPath)}");
        }

        if (history.StopReason == StopReason.Diverged)
        {
            return (JobOutcome.Diverged, history.StopMessage);
        }

        if (history.StopReason == StopReason.Cancelled || host.CancellationToken.IsCancellationRequested)
        {
            return (JobOutcome.Cancelled, history.StopMessage);
        }

        // The test set is touched once, after training: this is the number to report.
        var result = Trainer.Evaluate(model, test, threads: options.Threads);
        host.Display(result);

        if (options.SweepTrials > 0)
        {
            var sweep = await SweepAsync(options, train, host, output, interactive).ConfigureAwait(false);
            if (sweep.WasCancelled || host.CancellationToken.IsCancellationRequested)
            {
                return (JobOutcome.Cancelled, "cancelled during the sweep");
            }
        }

        return (JobOutcome.Completed, history.StopMessage);
    }

    private static async Task<SweepResult> SweepAsync(CliOptions options, Dataset train, ReportHost host, TextWriter output, bool interactive)
    {
        output.WriteLine(SweepPlan.Describe(options));
        var handle = host.Display(new TrainingStatus("sweeping…"));
        SweepResult result;
        try
        {
            result = interactive
                ? await WithProgressBarAsync(options, train, host, output).ConfigureAwait(false)
                : await RunSweepAsync(options, train, host, output.WriteLine, _ => { }).ConfigureAwait(false);
        }
        catch (DlExtArgumentException e)
        {
            throw LibraryParameters.Rewrite(e, sweep: true);
        }

        handle.Update(result);
        return result;
    }

    private static Task<SweepResult> RunSweepAsync(CliOptions options, Dataset train, ReportHost host, Action<string> writeLine, Action<int> finished)
    {
        var progress = new SweepProgress(options.SweepTrials, writeLine);
        var request = SweepPlan.Create(options, train, () => BuildModel(options, train), snapshot =>
        {
            progress.Update(snapshot);
            finished(progress.Finished);
        });
        return Sweep.RunAsync(request, host.CancellationToken);
    }

    // On a terminal only: a redirected log gets the plain trial lines and no escape codes.
    private static Task<SweepResult> WithProgressBarAsync(CliOptions options, Dataset train, ReportHost host, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        return console.Progress().AutoClear(true).StartAsync(context =>
        {
            var bar = context.AddTask("sweep", maxValue: options.SweepTrials);
            return RunSweepAsync(options, train, host, console.WriteLine, n => bar.Value = n);
        });
    }
}
