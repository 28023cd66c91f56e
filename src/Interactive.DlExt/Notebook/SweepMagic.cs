using System.Globalization;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Notebook;

/// <summary>#!sweep: builds a <see cref="SweepRequest"/> from the magic's options and runs it with a live trial table.</summary>
internal static class SweepMagic
{
    // Magic option → the trial-parameter name the sweep maps onto training options.
    // The searchable training settings of #!sweep, each under its descriptor's search name (--lr → lr).
    private static readonly (string Option, string Parameter)[] TrainingSpaces = [.. DlExtMagics.Sweep.Options
        .Where(o => o.Kind == MagicOptionKind.Space && Hyperparameters.Find(o.Name) is not null)
        .Select(o => (o.Name, Hyperparameters.Find(o.Name)!.SearchName))];

    public static async Task RunAsync(INotebookHost host, MagicArguments a)
    {
        var factoryName = a.Text("--model") ?? throw new DlExtArgumentException("--model", "nothing",
            "the name of a C# variable holding a model factory, e.g. Func<Sequential> makeModel = () => new Sequential(...);");
        var studyName = StudyName(a); // a bad name is refused before any data is loaded or file made
        Func<TrialParameters, Sequential> factory;
        Dataset data;
        if (ModelRecipe.LooksLikeOne(factoryName))
        {
            var recipe = ModelRecipe.Parse(factoryName, "--model");
            data = TrainMagic.ResolveData(host, a.Text("--data", "digits")!, recipe.WantsVectors);
            TrainMagic.Build(recipe, data); // refuses a recipe that does not fit the data before any trial
            factory = _ => recipe.Build(data);
        }
        else
        {
            factory = ResolveFactory(host, factoryName);
            data = TrainMagic.ResolveData(host, a.Text("--data", "digits")!, Probe(factory));
        }

        var space = Space(a);
        var trials = a.WholeNumber("--trials", 20);
        var strategy = Sweep.CreateStrategy(a.Text("--strategy", "random")!, trials);
        var request = new SweepRequest(factory, data, space)
        {
            Validation = a.Text("--val") is { } valName ? MagicInvoker.Variable<Dataset>(host, "--val", valName) : null,
            ValidationSplit = a.Number(Hyperparameters.ValidationSplit.Option, SweepRequest.DefaultValidationSplit),
            Strategy = strategy,
            Pruner = Sweep.CreatePruner(a.Text("--prune", "none")!, a.WholeNumber(Hyperparameters.Epochs), (ulong)a.WholeNumber(Hyperparameters.Seed)),
            Trials = trials,
            Objective = a.Text("--objective", "val-loss") == "val-accuracy" ? SweepObjective.ValidationAccuracy : SweepObjective.ValidationLoss,
            Parallelism = a.WholeNumber("--parallel", 1),
            Seed = (ulong)a.WholeNumber(Hyperparameters.Seed),
            Epochs = a.WholeNumber(Hyperparameters.Epochs),
            // The view's title: what the user named (the study, else the result variable), else the strategy.
            StudyName = studyName ?? a.Text("--out") ?? strategy.Name + " sweep",
            Storage = Storage(a),
            Enqueued = Enqueued(a),
            Command = a.Line,
        };

        var handle = host.Display(new TrainingStatus($"starting a {request.Strategy.Name} sweep of {trials} trials…"));
        // Snapshots arrive on worker threads, one at a time; the final result below is always shown.
        var throttle = new UpdateThrottle(TimeProvider.System, host.MinimumUpdateInterval);
        Action<SweepResult>? progress = a.Flag("--quiet") ? null : snapshot =>
        {
            if (throttle.TryPass())
            {
                handle.Update(snapshot);
            }
        };
        var result = await Sweep.RunAsync(request with { Progress = progress }, host.CancellationToken).ConfigureAwait(false);
        handle.Update(result);
        if (a.Text("--report") is { } path)
        {
            HtmlReport.Save(path, "Sweep report", result);
            host.Display(new TrainingStatus("report: " + Path.GetFullPath(path)));
        }

        if (a.Text("--manifest") is { } manifestPath)
        {
            result.SaveManifest(manifestPath);
            host.Display(new TrainingStatus("manifest: " + Path.GetFullPath(manifestPath)));
        }

        if (a.Text("--out") is { } outName)
        {
            await host.SetVariableAsync(outName, result, typeof(SweepResult)).ConfigureAwait(false);
        }
    }

    /// <summary>--enqueue "lr=0.01,batch_size=64;lr=0.1": one dictionary of name → text per trial; the study checks names and values against the space.</summary>
    internal static IReadOnlyList<IReadOnlyDictionary<string, object>> Enqueued(MagicArguments a)
    {
        if (a.Text("--enqueue") is not { } text)
        {
            return [];
        }

        var trials = new List<IReadOnlyDictionary<string, object>>();
        foreach (var trial in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var pair in trial.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == pair.Length - 1)
                {
                    throw new DlExtArgumentException("--enqueue", pair, "name=value pairs separated by ',', trials separated by ';', e.g. \"lr=0.01,batch_size=64;lr=0.1\"");
                }

                var name = pair[..eq].Trim();
                if (!values.TryAdd(name, pair[(eq + 1)..].Trim()))
                {
                    throw new DlExtArgumentException("--enqueue", trial, $"each parameter once per trial ({name} is given twice)");
                }
            }

            trials.Add(values);
        }

        return trials.Count > 0 ? trials : throw new DlExtArgumentException("--enqueue", $"\"{text}\"", "at least one trial, e.g. \"lr=0.01,batch_size=64\"");
    }

    /// <summary>--study NAME (checked: a name, not a path), else the stem of --study-file.</summary>
    private static string? StudyName(MagicArguments a) =>
        a.Text("--study") is { } name ? StudyNames.Validate(name, "--study")
        : a.Text("--study-file") is { } file ? Path.GetFileName(file).Split('.')[0]
        : null;

    /// <summary>--study-file PATH as given; else --study NAME as NAME.study.db in the kernel's working folder (the notebook's); else in memory.</summary>
    private static SqliteStudyStorage? Storage(MagicArguments a) =>
        a.Text("--study-file") is { } file ? new SqliteStudyStorage(Path.GetFullPath(file))
        : a.Text("--study") is { } name ? SqliteStudyStorage.ForName(StudyNames.Validate(name, "--study"), Directory.GetCurrentDirectory())
        : null;

    private static SearchSpace Space(MagicArguments a)
    {
        var options = new List<KeyValuePair<string, string>>();
        foreach (var (option, parameter) in TrainingSpaces)
        {
            if (a.Text(option) is { } text)
            {
                options.Add(new(parameter, text));
            }
        }

        if (a.Text("--params") is { } custom)
        {
            foreach (var part in custom.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new DlExtArgumentException("--params", part, "name=space pairs separated by ';', e.g. hidden=32,64;dropout=0..0.5");
                }

                options.Add(new(part[..eq].Trim(), part[(eq + 1)..].Trim()));
            }
        }

        if (options.Count == 0)
        {
            throw new DlExtArgumentException("search space", "#!sweep needs at least one range or list to search, e.g. --lr 1e-4..1e-1:log or --batch-size 32,64,128.");
        }

        try
        {
            return SearchSpaceParser.Parse(options);
        }
        catch (DlExtArgumentException e) when (e.Accepted.Length > 0 && TrainingSpaces.Any(t => t.Parameter == e.ParamName))
        {
            // The parser knows the trial parameter ("lr"); the user typed the option ("--lr").
            throw new DlExtArgumentException(TrainingSpaces.First(t => t.Parameter == e.ParamName).Option, e.Value, e.Accepted);
        }
    }

    /// <summary>A model built once to see whether built-in images must be flattened; a factory that needs its own
    /// parameters cannot be probed, and then the images keep their [1, H, W] shape.</summary>
    private static Sequential? Probe(Func<TrialParameters, Sequential> factory)
    {
        try
        {
            return factory(new TrialParameters(new Dictionary<string, object>()));
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Func<TrialParameters, Sequential> ResolveFactory(INotebookHost host, string name)
    {
        if (!MagicParser.IsIdentifier(name))
        {
            throw new DlExtArgumentException("--model", name, "the name of a C# variable holding a model factory, or " + ModelRecipe.Syntax);
        }

        var value = MagicInvoker.Value(host, "--model", name);
        return value switch
        {
            Func<TrialParameters, Sequential> f => f,
            Func<Sequential> f => _ => f(),
            Sequential => throw new DlExtArgumentException("--model", name,
                string.Create(CultureInfo.InvariantCulture, $"a model factory, because every trial trains a fresh model: Func<Sequential> {name}Factory = () => new Sequential(...);")),
            _ => throw new DlExtArgumentException("--model", name, $"a variable holding a Func<Sequential> or Func<TrialParameters, Sequential> (it holds a {value.GetType().Name})"),
        };
    }
}
