namespace Interactive.DlExt.Notebook;

/// <summary>The specs of every magic command this package adds. The kernel glue declares exactly these.</summary>
public static class DlExtMagics
{
    /// <summary>The .NET Interactive build the kernel glue is compiled and tested against (the served kernel packages and
    /// the <c>Microsoft.dotnet-interactive</c> tool 1.0.712001, Polyglot Notebooks' last release).</summary>
    public const string TestedKernelVersion = "1.0.0-beta.26120.1";

    /// <summary>Which kernel the magics need, in words, for <c>#!dlext</c> and the README.</summary>
    public const string KernelRequirement =
        "Tested with the .NET Interactive kernel " + TestedKernelVersion + " (the Microsoft.dotnet-interactive tool 1.0.712001, " +
        "the build of Polyglot Notebooks' last release). On a kernel whose magic-command API differs, loading the package " +
        "prints 'Interactive.DlExt could not declare its magics' with the build to update to, and the magics stay unknown.";

    /// <summary>The help of every --manifest option.</summary>
    private const string ManifestHelp = "Also save the run's manifest (environment, seeds, data fingerprints, settings, per-epoch numbers, weights hash, test-set uses) as JSON to this path, for re-running and checking.";

    /// <summary>Optimizers accepted by --optimizer.</summary>
    public static IReadOnlyList<string> OptimizerNames => Optimizers.Names;

    /// <summary>Schedules accepted by --schedule.</summary>
    public static IReadOnlyList<string> ScheduleNames => Schedules.Names;

    /// <summary>Built-in data sets accepted by --data besides a variable name.</summary>
    public static IReadOnlyList<string> BuiltInData { get; } = ["digits", "fashion-mnist", "mnist"];

    // One help text for #!train and #!compare, which build their TrainingOptions in one place (TrainMagic.Options).
    private static MagicOption DropLast => new("--drop-last",
        "Skip the last batch of each epoch when it is smaller than --batch-size (PyTorch's drop_last): 162 samples in batches of 16 end every epoch on a batch of 2, whose gradient is noisy and whose batch-normalisation statistics are noise.",
        MagicOptionKind.Flag);

    /// <summary>#!train.</summary>
    public static MagicSpec Train { get; } = new(
        "#!train",
        "Trains a model on data with the given hyperparameters, showing a live loss curve, then the final history.",
        [
            new("--model", "C# variable holding the model (a Sequential) or a Func<Sequential> factory, or a model written as mlp:512,256 or cnn:32,64 (input and output sizes from the data).", MagicOptionKind.Text) { Positional = true, Accepts = [typeof(Sequential), typeof(Func<Sequential>)] },
            new("--data", "Training data: a C# variable holding a Dataset, or digits, fashion-mnist, mnist.", MagicOptionKind.Text) { Default = "digits", Allowed = BuiltInData, Accepts = [typeof(Dataset)] },
            new("--val", "C# variable holding validation data (a Dataset).", MagicOptionKind.Variable) { Accepts = [typeof(Dataset)] },
            HyperparameterOptions.Value(Hyperparameters.ValidationSplit),
            .. new[]
            {
                Hyperparameters.Epochs, Hyperparameters.BatchSize, Hyperparameters.LearningRate, Hyperparameters.Optimizer,
                Hyperparameters.Momentum, Hyperparameters.Beta1, Hyperparameters.Beta2, Hyperparameters.Rho, Hyperparameters.WeightDecay,
                Hyperparameters.L1, Hyperparameters.L2, Hyperparameters.ClipNorm, Hyperparameters.ClipValue, Hyperparameters.Schedule,
                Hyperparameters.Warmup, Hyperparameters.EarlyStop, Hyperparameters.Seed, Hyperparameters.Threads,
            }.Select(h => HyperparameterOptions.Value(h)),
            new("--out", "C# variable to store the TrainingHistory in; the trained model goes to NAMEModel (e.g. historyModel).", MagicOptionKind.Variable),
            new("--report", "Also write a self-contained HTML report to this path.", MagicOptionKind.Text),
            new("--manifest", ManifestHelp, MagicOptionKind.Text),
            DropLast,
            new("--quiet", "Show only the final history, no live view.", MagicOptionKind.Flag),
            new("--continue", "Keep training from the current weights. Without it, re-running #!train on a model an earlier #!train trained first restores the weights it had before, so the cell repeats its numbers. (A Func<Sequential> factory always starts fresh.)", MagicOptionKind.Flag),
            new("--checkpoint", "Folder to save a training checkpoint in (weights, optimizer state, schedule position, epoch, generator positions, early stopping, history so far), replaced atomically.", MagicOptionKind.Text),
            new("--checkpoint-every", "Save the checkpoint every N epochs (and after the last); needs --checkpoint.", MagicOptionKind.WholeNumber) { Default = "1", Minimum = 1 },
            new("--resume", "Continue from the checkpoint in --checkpoint DIR, to the same bits as an uninterrupted run; a checkpoint of another model, optimizer or settings, or a corrupt one, is refused with the reason.", MagicOptionKind.Flag),
        ],
        "#!train model --data digits --epochs 20 --lr 1e-3 --optimizer adam --val-split 0.2 --out history");

    /// <summary>#!lr-find.</summary>
    public static MagicSpec LrFind { get; } = new(
        "#!lr-find",
        "Learning-rate range test (Smith 2017; fastai's lr_find): trains briefly while the learning rate grows exponentially, plots the smoothed loss against it and suggests a rate. The model's weights are left as they were.",
        [
            new("--model", "C# variable holding the model (a Sequential; an unbuilt one is built from --seed, as #!train would) or a Func<Sequential> factory.", MagicOptionKind.Variable) { Positional = true, Accepts = [typeof(Sequential), typeof(Func<Sequential>)] },
            new("--data", "Training data: a C# variable holding a Dataset, or digits, fashion-mnist, mnist.", MagicOptionKind.Text) { Default = "digits", Allowed = BuiltInData, Accepts = [typeof(Dataset)] },
            HyperparameterOptions.Value(Hyperparameters.Optimizer, "The update rule, with its own default settings."),
            new("--start", "The first learning rate, > 0.", MagicOptionKind.Number) { Default = Invariant(LrFinderOptions.DefaultStartLearningRate), Minimum = 0, MinimumExclusive = true },
            new("--end", "The last learning rate, > --start.", MagicOptionKind.Number) { Default = Invariant(LrFinderOptions.DefaultEndLearningRate), Minimum = 0, MinimumExclusive = true },
            new("--steps", $"Optimizer steps (the data is cycled as often as needed), at least {LrFinderOptions.MinimumSteps}; the test stops early when the smoothed loss passes {LrFinderOptions.DefaultDivergenceFactor} × its best.", MagicOptionKind.WholeNumber) { Default = Invariant(LrFinderOptions.DefaultSteps), Minimum = LrFinderOptions.MinimumSteps },
            .. new[] { Hyperparameters.BatchSize, Hyperparameters.Seed, Hyperparameters.Threads }.Select(h => HyperparameterOptions.Value(h)),
            new("--out", "C# variable to store the LearningRateFinderResult in.", MagicOptionKind.Variable),
        ],
        "#!lr-find model --data digits --optimizer sgd --start 1e-7 --end 10 --steps 100 --out lr");

    /// <summary>#!evaluate.</summary>
    public static MagicSpec Evaluate { get; } = new(
        "#!evaluate",
        "Evaluates a trained model once on held-out data: loss, accuracy and a confusion matrix.",
        [
            new("--model", "C# variable holding the trained model.", MagicOptionKind.Variable) { Positional = true, Accepts = [typeof(Sequential)] },
            new("--data", "C# variable holding the held-out Dataset (the test set, used once).", MagicOptionKind.Variable) { Accepts = [typeof(Dataset)] },
            new("--out", "C# variable to store the EvaluationResult in.", MagicOptionKind.Variable),
            new("--manifest", ManifestHelp, MagicOptionKind.Text),
        ],
        "#!evaluate model --data test");

    /// <summary>Strategies accepted by #!sweep --strategy.</summary>
    public static IReadOnlyList<string> StrategyNames => Search.Sweep.StrategyNames;

    /// <summary>#!sweep.</summary>
    public static MagicSpec Sweep { get; } = new(
        "#!sweep",
        "Searches hyperparameters: trains one model per trial from a factory, on validation data, and compares the trials live. Ranges: low..high, low..high:log, low..high:int; lists: a,b,c.",
        [
            new("--model", "C# variable holding a model factory: Func<Sequential>, or Func<TrialParameters, Sequential> to search the model's own parameters; or a model written as mlp:512,256 or cnn:32,64 (a fresh one per trial).", MagicOptionKind.Text) { Positional = true, Accepts = [typeof(Func<Sequential>), typeof(Func<Search.TrialParameters, Sequential>)] },
            new("--data", "Training data: a C# variable holding a Dataset, or digits, fashion-mnist, mnist.", MagicOptionKind.Text) { Default = "digits", Allowed = BuiltInData, Accepts = [typeof(Dataset)] },
            new("--val", "C# variable holding validation data (never the test set).", MagicOptionKind.Variable) { Accepts = [typeof(Dataset)] },
            HyperparameterOptions.Value(Hyperparameters.ValidationSplit, "Fraction of the training data held out for validation, in (0, 1), the same split for every trial.") with { Default = Search.SweepRequest.DefaultValidationSplit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            HyperparameterOptions.Space(Hyperparameters.LearningRate, "Learning rates to try, e.g. 1e-4..1e-1:log or 0.001,0.01."),
            HyperparameterOptions.Space(Hyperparameters.BatchSize, "Batch sizes to try, e.g. 32,64,128 or 16..256:int:log."),
            HyperparameterOptions.Space(Hyperparameters.Optimizer, "Optimizers to try, e.g. sgd,momentum,adam."),
            HyperparameterOptions.Space(Hyperparameters.Momentum, "Momentum β to try (used by momentum and nesterov), e.g. 0.8..0.99."),
            HyperparameterOptions.Space(Hyperparameters.WeightDecay, "Weight decay to try, e.g. 1e-6..1e-2:log."),
            HyperparameterOptions.Space(Hyperparameters.L1, "L1 strengths to try."),
            HyperparameterOptions.Space(Hyperparameters.L2, "L2 strengths to try, e.g. 1e-5..1e-2:log."),
            new("--params", "The model factory's own parameters: name=space;name=space, e.g. \"hidden=32,64,128;dropout=0..0.5\".", MagicOptionKind.Text),
            HyperparameterOptions.Value(Hyperparameters.Epochs, "Epochs per trial."),
            new("--strategy", "How trials are chosen.", MagicOptionKind.Choice) { Default = "random", Allowed = StrategyNames },
            new("--trials", "How many trials (a grid stops when exhausted).", MagicOptionKind.WholeNumber) { Default = "20", Minimum = 1 },
            new("--objective", "What the sweep optimises on the validation data.", MagicOptionKind.Choice) { Default = "val-loss", Allowed = ["val-loss", "val-accuracy"] },
            new("--prune", "Stop unpromising trials early from their per-epoch validation results.", MagicOptionKind.Choice) { Default = "none", Allowed = Search.Sweep.PrunerNames },
            new("--enqueue", "Fixed trials run first, in order (trial 0 is the first): name=value pairs, trials separated by ';', e.g. \"lr=0.01,batch_size=64,optimizer=adam;lr=0.1\". Names as the searched parameters (aliases such as learning_rate or batch-size too); parameters not given are chosen by the strategy; a resumed study does not run them again.", MagicOptionKind.Text),
            new("--parallel", "Trials run at once (cores are split between them; results do not depend on it).", MagicOptionKind.WholeNumber) { Default = "1", Minimum = 1, Maximum = TrainingOptions.MaxThreads },
            new("--study", "Persist the study as NAME.study.db in the notebook's folder (the kernel's working folder): re-running the cell resumes it; resuming with other settings (strategy, epochs, …) is refused. NAME is " + Search.StudyNames.Accepted + ".", MagicOptionKind.Text),
            new("--study-file", "Persist the study in this SQLite file instead (any path); --study then names the study inside it, else the file's name does.", MagicOptionKind.Text),
            HyperparameterOptions.Value(Hyperparameters.Seed, "Study seed: each trial's seed derives from it and the trial number."),
            new("--out", "C# variable to store the SweepResult in; without --study its name also titles the view.", MagicOptionKind.Variable),
            new("--manifest", "Also save the sweep's manifest (environment, seed, data fingerprints, search settings, every trial's parameters, state, value and curve, test-set uses) as JSON to this path, for checking a re-run.", MagicOptionKind.Text),
            new("--report", "Also write a self-contained HTML report to this path.", MagicOptionKind.Text),
            new("--quiet", "Show only the final views, no live table.", MagicOptionKind.Flag),
        ],
        "#!sweep makeModel --data train --lr 1e-4..1e-1:log --batch-size 32,64,128 --optimizer sgd,adam --strategy tpe --trials 20 --epochs 5 --prune median --out sweep");

    /// <summary>#!schedules.</summary>
    public static MagicSpec CompareSchedules { get; } = new(
        "#!schedules",
        "Plans learning-rate schedules over the same run and draws them on one chart, to choose one before training.",
        [
            new("--schedules", "The schedules to compare, separated by ';', each as --schedule takes it, e.g. \"step:size=5,gamma=0.5;cosine;onecycle:maxmom=0.95,minmom=0.85\".", MagicOptionKind.Text) { Positional = true },
            HyperparameterOptions.Value(Hyperparameters.Epochs),
            new("--steps-per-epoch", "Batches per epoch (the training samples divided by the batch size, rounded up).", MagicOptionKind.WholeNumber) { Default = Formatting.ScheduleView.PreviewStepsPerEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture), Minimum = 1 },
            HyperparameterOptions.Value(Hyperparameters.LearningRate, "The base learning rate η₀ the schedules scale."),
            new("--out", "C# variable to store the ScheduleComparison in.", MagicOptionKind.Variable),
        ],
        "#!schedules \"step:size=5,gamma=0.5;exponential:gamma=0.9;cosine;cosine:warmup=100;onecycle:maxmom=0.95,minmom=0.85\" --epochs 20 --steps-per-epoch 50 --lr 0.1");

    /// <summary>#!descent.</summary>
    public static MagicSpec Descent { get; } = new(
        "#!descent",
        "The optimizer lab: runs optimizers on a loss surface of two parameters and draws every path on its contour, with the steps each needs to reach a tolerance, its final loss, and divergence marked. The optimizers are the classes that train networks.",
        [
            new("--surface", $"The loss surface: {Surfaces.Syntax} (quote a formula with spaces).", MagicOptionKind.Text) { Positional = true, Default = Surfaces.Default, Allowed = Surfaces.Names },
            HyperparameterOptions.List(Hyperparameters.Optimizer, "Optimizers to run, a comma list, e.g. sgd,momentum,adam.") with { Default = DescentOptions.DefaultOptimizer },
            HyperparameterOptions.List(Hyperparameters.LearningRate, "Learning rates, a comma list, e.g. 0.01,0.4: one run per optimizer and rate.") with { Default = Invariant(DescentOptions.DefaultLearningRate) },
            HyperparameterOptions.List(Hyperparameters.Momentum, "β of momentum and nesterov, a comma list, e.g. 0,0.6,0.8,0.9: one run per value for those two; the other optimizers run once."),
            new("--steps", "Optimizer steps per run; a run stops early when its loss explodes or it leaves the picture far behind.", MagicOptionKind.WholeNumber) { Default = Invariant(DescentOptions.DefaultSteps), Minimum = 1, Maximum = DescentOptions.MaxSteps },
            new("--start", "Where every run starts, written x,y, e.g. -2.5,2 (default: the surface's own start).", MagicOptionKind.Text),
            new("--domain", "For a formula: the rectangle drawn, written xmin,xmax,ymin,ymax (default -3,3,-3,3).", MagicOptionKind.Text),
            new("--tolerance", "A run has arrived when f − f* ≤ tolerance (f* the surface's known minimum), else when the gradient's length ≤ tolerance.", MagicOptionKind.Number) { Default = Invariant(DescentOptions.DefaultTolerance), Minimum = 0, MinimumExclusive = true },
            new("--out", "C# variable to store the DescentResult in.", MagicOptionKind.Variable),
        ],
        "#!descent elongated --optimizer momentum --lr 0.1 --momentum 0,0.6,0.8,0.9 --steps 60");

    /// <summary>#!expect.</summary>
    public static MagicSpec Expect { get; } = new(
        "#!expect",
        "Rubric checks for homework, shown as pass/fail and recorded in the run's manifest: on a TrainingHistory (--val-accuracy, --by-epoch, --loss-decreases, --seed) or on a test Dataset (--touched-once).",
        [
            new("--target", "C# variable holding the TrainingHistory (from #!train --out) or the test Dataset to check.", MagicOptionKind.Variable) { Positional = true, Accepts = [typeof(TrainingHistory), typeof(Dataset)] },
            new("--val-accuracy", "The validation accuracy the run must reach, in [0, 1].", MagicOptionKind.Number) { Minimum = 0, Maximum = 1 },
            new("--by-epoch", "With --val-accuracy: reached at this epoch or earlier (1-based).", MagicOptionKind.WholeNumber) { Minimum = 1 },
            new("--loss-decreases", "The last epoch's training loss is below the first's.", MagicOptionKind.Flag),
            HyperparameterOptions.Value(Hyperparameters.Seed, "The seed the assignment asks for.") with { Default = null },
            new("--touched-once", "The test set was used exactly once, for one evaluation (never for training or validation).", MagicOptionKind.Flag),
            new("--out", "C# variable to store the ExpectationReport in.", MagicOptionKind.Variable),
        ],
        "#!expect history --val-accuracy 0.9 --by-epoch 10 --loss-decreases --seed 42");
    /// <summary>#!compare.</summary>
    public static MagicSpec Compare { get; } = new(
        "#!compare",
        "Compares training runs side by side: loss, validation loss and accuracy on shared charts, each run labelled by the settings that differ, "
        + "and for different batch sizes their time per epoch, steps per epoch and accuracy against wall time. Give TrainingHistory variables "
        + "(#!compare h1,h2,h3), or a model and ONE option as a list to train one run per value with the same seed (#!compare model --batch-size 32,64,128).",
        [
            new("--runs", "C# variables holding TrainingHistory objects, separated by commas (h1,h2); or the model to train the runs with: a variable holding a Sequential (restored to its first weights for every run) or a Func<Sequential> factory, or mlp:512,256 / cnn:32,64.", MagicOptionKind.Text) { Positional = true, Accepts = [typeof(TrainingHistory), typeof(Sequential), typeof(Func<Sequential>)] },
            new("--x", "What the x axis counts.", MagicOptionKind.Choice) { Default = "epochs", Allowed = RunComparison.AxisNames },
            new("--data", "Training data: a C# variable holding a Dataset, or digits, fashion-mnist, mnist.", MagicOptionKind.Text) { Default = "digits", Allowed = BuiltInData, Accepts = [typeof(Dataset)] },
            new("--val", "C# variable holding validation data (a Dataset).", MagicOptionKind.Variable) { Accepts = [typeof(Dataset)] },
            HyperparameterOptions.Value(Hyperparameters.ValidationSplit),
            .. ComparisonPlan.Comparable.Select(h => HyperparameterOptions.Space(h, h.Description + (h == Hyperparameters.Schedule
                ? " Several separated by ';' to compare them."
                : " Several separated by commas to compare them (one option only), e.g. " + h.Option + " " + CompareExample(h) + "."))),
            .. new[] { Hyperparameters.ClipNorm, Hyperparameters.ClipValue, Hyperparameters.Warmup, Hyperparameters.EarlyStop, Hyperparameters.Seed, Hyperparameters.Threads }
                .Select(h => HyperparameterOptions.Value(h)),
            DropLast,
            new("--scale-lr", "Scale the learning rate linearly with the batch size: lr = --lr × batch / the first batch size listed (Goyal et al. 2017).", MagicOptionKind.Flag),
            new("--out", "C# variable to store the RunComparison in.", MagicOptionKind.Variable),
            new("--quiet", "Show only the final comparison, no live view.", MagicOptionKind.Flag),
        ],
        "#!compare model --data digits --epochs 5 --optimizer sgd --lr 0.1 --batch-size 32,64,128,256 --scale-lr --seed 1 --out cmp");

    /// <summary>#!verify.</summary>
    public static MagicSpec Verify { get; } = new(
        "#!verify",
        "Re-runs the #!train line a manifest recorded (written with #!train --manifest PATH) in this notebook and says whether every epoch's numbers, the final metrics and the weights are bit-identical, or the first epoch and field that differ and the likely cause.",
        [
            new("--manifest", "The manifest file to verify.", MagicOptionKind.Text) { Positional = true },
            new("--out", "C# variable to store the ManifestComparison in.", MagicOptionKind.Variable),
        ],
        "#!verify run.json");

    /// <summary>#!dlext.</summary>
    public static MagicSpec Help { get; } = new(
        "#!dlext",
        "Lists every Interactive.DlExt magic with its options, defaults and an example.",
        [],
        "#!dlext");

    /// <summary>Every magic, in help order.</summary>
    public static IReadOnlyList<MagicSpec> All { get; } = [Train, LrFind, Sweep, Evaluate, CompareSchedules, Compare, Descent, Expect, Verify, Help];

    private static string CompareExample(Hyperparameter h) =>
        h == Hyperparameters.Optimizer ? "sgd,momentum,adam"
        : h == Hyperparameters.BatchSize ? "32,64,128"
        : h == Hyperparameters.Epochs ? "5,10"
        : h == Hyperparameters.LearningRate ? "0.01,0.1,0.4"
        : h.UsedBy.Count > 0 ? "0,0.6,0.9"
        : "0,1e-4";

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
