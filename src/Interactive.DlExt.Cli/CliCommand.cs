using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using Interactive.DlExt.Search;
using static Interactive.DlExt.Cli.OptionNames;

namespace Interactive.DlExt.Cli;

/// <summary>
/// The command line of <c>dlext</c> on System.CommandLine: every option with its default (shown by <c>--help</c>,
/// followed by the exit codes), response files (<c>@args.rsp</c>) and the <c>[suggest]</c> directive for tab
/// completion. Values are checked as they are parsed, so errors name the option the user typed.
/// </summary>
internal sealed class CliCommand
{
    private readonly Dictionary<string, string> _examples = new(StringComparer.Ordinal);
    private readonly Option<string> _data;
    private readonly Option<string?> _dataDir;
    private readonly Option<string> _model;
    private readonly Option<int?> _epochs;
    private readonly Option<int?> _batch;
    private readonly Option<double> _lr;
    private readonly Option<string> _optimizer;
    private readonly Option<double?> _momentum;
    private readonly Option<double?> _beta1;
    private readonly Option<double?> _beta2;
    private readonly Option<double?> _rho;
    private readonly Option<double?> _weightDecay;
    private readonly Option<double> _split;
    private readonly Option<int?> _earlyStop;
    private readonly Option<double?> _clipNorm;
    private readonly Option<double?> _clipValue;
    private readonly Option<ulong> _seed;
    private readonly Option<int?> _threads;
    private readonly Option<string> _report;
    private readonly Option<string?> _manifest;
    private readonly Option<string?> _checkpoint;
    private readonly Option<int?> _checkpointEvery;
    private readonly Option<bool> _resume;
    private readonly Option<string> _strategy;
    private readonly Option<int> _trials;
    private readonly Option<int?> _sweepEpochs;
    private readonly Option<string> _pruner;
    private readonly Option<(double, double)?> _sweepLr;
    private readonly Option<IReadOnlyList<int>?> _sweepBatches;

    public CliCommand()
    {
        _data = Define(Data, "digits|fashion-mnist|mnist", "The data set (digits is embedded: no download).", "digits",
            (o, t) => OptionValues.OneOf(o, t, CliOptions.DataSets), "digits");
        _dataDir = Define<string?>(DataDir, "PATH", "An existing folder with the IDX .gz files of fashion-mnist or mnist.", "/data/mnist",
            (_, t) => t, null);
        _model = Define(Model, "mlp|cnn|mlp:W,…|cnn:C,…", "The architecture: mlp or cnn (sized for the data), or written out, e.g. mlp:512,256 or cnn:32,64.", "mlp:512,256",
            (o, t) => ModelRecipe.LooksLikeOne(t) ? ModelRecipe.Parse(t, o).ToString() : OptionValues.OneOf(o, t, CliOptions.Models), "mlp");
        // The training settings are the engine's hyperparameters: description, range and check come from their descriptors.
        _epochs = Define(Epochs, "N", Hyperparameters.Epochs.Description + " [default: 20; 10 for fashion-mnist and mnist]", "20", OptionValues.Whole(Hyperparameters.Epochs), null);
        _batch = Define(BatchSize, "N", Hyperparameters.BatchSize.Description + " [default: 32; 64 for fashion-mnist and mnist]", "32", OptionValues.Whole(Hyperparameters.BatchSize), null);
        _lr = Define(LearningRate, "X", Hyperparameters.LearningRate.Description, "0.001", OptionValues.Number(Hyperparameters.LearningRate), Hyperparameters.DefaultLearningRate);
        _optimizer = Define(OptionNames.Optimizer, string.Join('|', Optimizers.Names), Hyperparameters.Optimizer.Description, "adam",
            (o, t) => OptionValues.OneOf(o, t, Optimizers.Names), Hyperparameters.DefaultOptimizer);
        _momentum = Define(OptionNames.Momentum, "X", Hyperparameters.Momentum.Description, "0.9", OptionValues.OptionalNumber(Hyperparameters.Momentum), null);
        _beta1 = Define(Beta1, "X", Hyperparameters.Beta1.Description, "0.9", OptionValues.OptionalNumber(Hyperparameters.Beta1), null);
        _beta2 = Define(Beta2, "X", Hyperparameters.Beta2.Description, "0.999", OptionValues.OptionalNumber(Hyperparameters.Beta2), null);
        _rho = Define(Rho, "X", Hyperparameters.Rho.Description, "0.9", OptionValues.OptionalNumber(Hyperparameters.Rho), null);
        _weightDecay = Define(WeightDecay, "X", Hyperparameters.WeightDecay.Description + $" [default: {Hyperparameters.WeightDecay.DefaultDisplay}]", "1e-4",
            OptionValues.OptionalNumber(Hyperparameters.WeightDecay), null);
        _split = Define(ValidationSplit, "X", Hyperparameters.ValidationSplit.Description, "0.15", OptionValues.Number(Hyperparameters.ValidationSplit), CliOptions.DefaultValidationSplit);
        _earlyStop = Define(EarlyStop, "N", Hyperparameters.EarlyStop.Description, "3", OptionValues.Whole(Hyperparameters.EarlyStop), null);
        _clipNorm = Define(ClipNorm, "X", Hyperparameters.ClipNorm.Description + " [default: off]", "1", OptionValues.OptionalNumber(Hyperparameters.ClipNorm), null);
        _clipValue = Define(ClipValue, "X", Hyperparameters.ClipValue.Description + " [default: off]", "0.5", OptionValues.OptionalNumber(Hyperparameters.ClipValue), null);
        _seed = Define(Seed, "N", Hyperparameters.Seed.Description, "1", OptionValues.Seed, CliOptions.DefaultSeed);
        _threads = Define(Threads, "N", Hyperparameters.Threads.Description + " [default: all cores]", "4",
            OptionValues.Whole(Hyperparameters.Threads), null);
        _report = Define(Report, "PATH", "The HTML report with every chart (its folder must exist and be writable).", "out/report.html",
            OptionValues.NotEmpty, "dlext-report.html");
        _manifest = Define<string?>(Manifest, "PATH", "Also write the run's manifest (JSON: environment, seeds, data fingerprints, settings, per-epoch numbers, weights hash) to PATH; `dlext verify PATH` re-runs it and checks the bits.",
            "run.json", OptionValues.NotEmpty, null);
        _checkpoint = Define<string?>(Checkpoint, "DIR", "Save a training checkpoint in this folder (weights, optimizer state, schedule position, epoch, generator positions, early stopping, history so far), replaced atomically.", "out/checkpoint",
            OptionValues.NotEmpty, null);
        _checkpointEvery = Define<int?>(CheckpointEvery, "N", "Save the checkpoint every N epochs and after the last; needs --checkpoint [default: 1]", "2", (o, t) => OptionValues.Int(o, t, 1), null);
        _resume = new Option<bool>(Resume)
        {
            Description = "Continue training from the checkpoint in --checkpoint DIR, to the same bits as an uninterrupted run; one of another model, optimizer or settings, or a corrupt one, is refused with the reason.",
        };
        _strategy = Define(SweepStrategy, string.Join('|', Sweep.StrategyNames), "How the sweep after training picks its trials.", "tpe",
            (o, t) => OptionValues.OneOf(o, t, Sweep.StrategyNames), "tpe");
        _trials = Define(SweepTrials, "N", "Trials of the sweep (0 skips it).", "8", (o, t) => OptionValues.Int(o, t, 0), 8);
        _sweepEpochs = Define<int?>(SweepEpochs, "N", "Epochs per sweep trial [default: 5; 2 for fashion-mnist and mnist]", "5", (o, t) => OptionValues.Int(o, t, 1), null);
        _pruner = Define(SweepPruner, string.Join('|', Sweep.PrunerNames), "Stops unpromising sweep trials early.", "median",
            (o, t) => OptionValues.OneOf(o, t, Sweep.PrunerNames), "median");
        _sweepLr = Define<(double, double)?>(SweepLearningRates, "MIN..MAX", "The learning rates the sweep searches (log scale) [default: the optimizer's range, " +
            string.Join(", ", Optimizers.Names.Select(RangeText)) + "]", "1e-4..1e-2",
            (o, t) => OptionValues.Range(o, t), null);
        _sweepBatches = Define<IReadOnlyList<int>?>(SweepBatchSizes, "N,N,…", "The batch sizes the sweep tries [default: " + string.Join(',', CliOptions.DefaultSweepBatchSizes) + "]",
            "32,64,128", OptionValues.IntList, null);

        // Tab completion ([suggest] directive) offers the accepted names after these options.
        _data.CompletionSources.Add([.. CliOptions.DataSets]);
        _model.CompletionSources.Add([.. CliOptions.Models]);
        _optimizer.CompletionSources.Add([.. Optimizers.Names]);
        _strategy.CompletionSources.Add([.. Sweep.StrategyNames]);
        _pruner.CompletionSources.Add([.. Sweep.PrunerNames]);

        Root = new RootCommand("dlext: train a model on real data, sweep its learning rate and batch size, and write an HTML report.\n" +
            "Also: dlext verify MANIFEST (re-run a manifest and check its bits) and dlext grade SUBMISSIONS (run a class's notebooks and\n" +
            "summarise them); each takes --help.");
        Option[] all = [_data, _dataDir, _model, _epochs, _batch, _lr, _optimizer, _momentum, _beta1, _beta2, _rho, _weightDecay, _split, _earlyStop, _clipNorm, _clipValue, _seed, _threads, _report, _manifest,
            _checkpoint, _checkpointEvery, _resume, _strategy, _trials, _sweepEpochs, _pruner, _sweepLr, _sweepBatches];
        foreach (var option in all)
        {
            Root.Options.Add(option);
        }

        foreach (var help in Root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpWithExitCodes(help.Action!);
        }
    }

    /// <summary>The root command, with every option, the help and version options and the [suggest] directive.</summary>
    public RootCommand Root { get; }

    /// <summary>Reads a parse result into the run's settings; a parse error or a bad combination of options throws
    /// <see cref="DlExtArgumentException"/> with one clear message naming the option.</summary>
    public CliOptions Read(ParseResult parse)
    {
        ThrowOnErrors(parse);
        var options = new CliOptions
        {
            Data = parse.GetValue(_data)!,
            DataFolder = parse.GetValue(_dataDir),
            Model = parse.GetValue(_model)!,
            LearningRate = parse.GetValue(_lr),
            Optimizer = parse.GetValue(_optimizer)!,
            Momentum = parse.GetValue(_momentum),
            Beta1 = parse.GetValue(_beta1),
            Beta2 = parse.GetValue(_beta2),
            Rho = parse.GetValue(_rho),
            WeightDecay = parse.GetValue(_weightDecay),
            ValidationSplit = parse.GetValue(_split),
            EarlyStop = parse.GetValue(_earlyStop),
            ClipNorm = parse.GetValue(_clipNorm),
            ClipValue = parse.GetValue(_clipValue),
            Seed = parse.GetValue(_seed),
            Threads = parse.GetValue(_threads) ?? CliOptions.DefaultThreads,
            ReportPath = parse.GetValue(_report)!,
            ManifestPath = parse.GetValue(_manifest),
            CheckpointFolder = parse.GetValue(_checkpoint),
            CheckpointEvery = parse.GetValue(_checkpointEvery) ?? 1,
            Resume = parse.GetValue(_resume),
            SweepStrategy = parse.GetValue(_strategy)!,
            SweepTrials = parse.GetValue(_trials),
            SweepEpochs = parse.GetValue(_sweepEpochs),
            SweepPruner = parse.GetValue(_pruner)!,
            SweepLearningRates = parse.GetValue(_sweepLr),
            SweepBatchSizes = parse.GetValue(_sweepBatches) ?? CliOptions.DefaultSweepBatchSizes,
        };
        var largeImages = options.Data != "digits";
        options = options with
        {
            Epochs = parse.GetValue(_epochs) ?? (largeImages ? 10 : 20),
            BatchSize = parse.GetValue(_batch) ?? (largeImages ? 64 : 32),
        };
        CheckDataFolder(options);
        if (options.CheckpointFolder is null && (options.Resume || parse.GetValue(_checkpointEvery) is not null))
        {
            var option = options.Resume ? Resume : CheckpointEvery;
            throw new DlExtArgumentException(option, $"{option} needs {Checkpoint} DIR, the folder of the checkpoint");
        }

        return options;
    }

    /// <summary>Parses a command line (response files included).</summary>
    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args);

    /// <summary>The long names of every option, for suggestions.</summary>
    public IEnumerable<string> Names => Root.Options.Where(o => !o.Hidden).Select(o => o.Name);

    private Option<T> Define<T>(string name, string helpName, string description, string example, Func<string, string, T> parse, T defaultValue)
    {
        _examples[name] = example;
        var option = new Option<T>(name)
        {
            HelpName = helpName,
            Description = description,
            CustomParser = result =>
            {
                // "--epochs --lr 0.1" forgot the value: say so rather than read "--lr" as the number of epochs.
                if (result.Tokens.Count == 0 || result.Tokens[^1].Value.StartsWith("--", StringComparison.Ordinal))
                {
                    result.AddError(MissingValue(name));
                    return default;
                }

                try
                {
                    return parse(name, result.Tokens[^1].Value);
                }
                catch (DlExtArgumentException e)
                {
                    result.AddError(e.Reason);
                    return default;
                }
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    private string MissingValue(string option) => $"{option} needs a value such as {_examples[option]}";

    private void ThrowOnErrors(ParseResult parse)
    {
        // An option's own error first: in "--epochs --lr 0.1" the missing value explains the stray "0.1".
        foreach (var error in parse.Errors)
        {
            var option = error.SymbolResult as OptionResult ?? (error.SymbolResult as ArgumentResult)?.Parent as OptionResult;
            if (option is not null)
            {
                var name = option.Option.Name;
                throw option.Tokens.Count == 0 && _examples.ContainsKey(name)
                    ? new DlExtArgumentException(name, MissingValue(name))
                    : new DlExtArgumentException(name, error.Message);
            }
        }

        if (parse.UnmatchedTokens is [var unmatched, ..])
        {
            if (!unmatched.StartsWith('-'))
            {
                throw new DlExtArgumentException("argument", $"'{unmatched}' is not an option or the value of one (options start with --)");
            }

            var typed = unmatched.Split('=', ':')[0];
            var suggestions = DidYouMean.Suggest(typed, Names);
            var hint = suggestions.Count == 0 ? "" : $"; did you mean {string.Join(" or ", suggestions)}?";
            throw new DlExtArgumentException("option", $"{typed} is not an option of dlext{hint}");
        }

        if (parse.Errors is [var other, ..])
        {
            throw new DlExtArgumentException("arguments", other.Message);
        }
    }

    private static void CheckDataFolder(CliOptions options)
    {
        if (options.DataFolder is not { } folder)
        {
            return;
        }

        if (options.Data == "digits")
        {
            throw new DlExtArgumentException(DataDir,
                $"{DataDir} is only read with {Data} fashion-mnist or {Data} mnist; {Data} digits is embedded in dlext and needs no folder");
        }

        if (!Directory.Exists(folder))
        {
            throw new DlExtArgumentException(DataDir, folder, "an existing folder holding the data set's IDX files");
        }
    }

    private static string RangeText(string optimizer)
    {
        var (min, max) = Optimizers.LearningRateRange(optimizer);
        return string.Create(CultureInfo.InvariantCulture, $"{optimizer} {min:G3}..{max:G3}");
    }
}
