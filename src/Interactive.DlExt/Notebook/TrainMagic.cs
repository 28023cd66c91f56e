namespace Interactive.DlExt.Notebook;

/// <summary>#!train: turns checked arguments into a <see cref="TrainRequest"/> and runs it with a live view.</summary>
internal static class TrainMagic
{
    public static async Task RunAsync(INotebookHost host, MagicArguments a)
    {
        var modelName = a.Text("--model") ?? throw new DlExtArgumentException("--model", "nothing",
            "the name of a C# variable holding a model, e.g. #!train model --data digits");
        var dataName = a.Text("--data", "digits")!;
        Sequential model;
        bool fresh;
        Dataset data;
        if (ModelRecipe.LooksLikeOne(modelName))
        {
            // A recipe is built for the data, so the data comes first; it is a new model on every run.
            var recipe = ModelRecipe.Parse(modelName, "--model");
            data = ResolveData(host, dataName, recipe.WantsVectors);
            model = Build(recipe, data);
            fresh = true;
        }
        else
        {
            (model, fresh) = ResolveModel(host, modelName);
            data = ResolveData(host, dataName, model);
        }

        var options = Options(host, a);
        var request = new TrainRequest(model, data, options)
        {
            OutVariable = a.Text("--out"),
            ReportPath = a.Text("--report"),
            ManifestPath = a.Text("--manifest"),
            Quiet = a.Flag("--quiet"),
        };

        // A factory's model is new every time; a variable's model is trained in place, so a re-run must choose its start.
        // --resume loads the checkpoint's weights over whatever the model holds, so the re-run rule does not apply.
        if (!fresh && TrainRerun.Prepare(model, a.Flag("--continue") || options.Resume, options.Seed) is { } start && !options.Resume)
        {
            host.Display(new TrainingStatus(start));
        }

        var history = await Dl.TrainAsync(host, request).ConfigureAwait(false);
        if (!fresh)
        {
            TrainRerun.Trained(model, history);
        }
    }

    /// <summary>The training options #!train's arguments say (also the base configuration of #!compare).</summary>
    internal static TrainingOptions Options(INotebookHost host, MagicArguments a)
    {
        var options = new TrainingOptions
        {
            Epochs = a.WholeNumber(Hyperparameters.Epochs),
            BatchSize = a.WholeNumber(Hyperparameters.BatchSize),
            DropLast = a.Flag("--drop-last"),
            Optimizer = OptimizerFor(a),
            Schedule = ScheduleFor(a),
            L1 = a.Number(Hyperparameters.L1),
            L2 = a.Number(Hyperparameters.L2),
            ClipNorm = a.NumberOrNull(Hyperparameters.ClipNorm.Option),
            ClipValue = a.NumberOrNull(Hyperparameters.ClipValue.Option),
            Seed = (ulong)a.WholeNumber(Hyperparameters.Seed),
            Threads = a.WholeNumberOrNull(Hyperparameters.Threads.Option) ?? TrainingOptions.DefaultThreads,
            EarlyStopping = a.WholeNumberOrNull("--early-stop") is { } patience ? new EarlyStopping(patience) : null,
            Command = a.Line,
        };
        (options.Checkpoint, options.Resume) = CheckpointFor(a);
        if (a.Text("--val") is { } valName)
        {
            options.Validation = MagicInvoker.Variable<Dataset>(host, "--val", valName);
        }
        else
        {
            options.ValidationSplit = a.Number(Hyperparameters.ValidationSplit);
        }

        return options;
    }

    // Optimizers.Create alone decides which optimizer takes which setting: one given to another optimizer is refused
    // there, under the option the user typed.
    internal static Optimizer OptimizerFor(MagicArguments a)
    {
        try
        {
            return Optimizers.Create(
                a.Text(Hyperparameters.Optimizer.Option, Hyperparameters.DefaultOptimizer)!,
                a.Number(Hyperparameters.LearningRate),
                a.NumberOrNull(Hyperparameters.WeightDecay.Option),
                a.NumberOrNull(Hyperparameters.Momentum.Option),
                a.NumberOrNull(Hyperparameters.Beta1.Option),
                a.NumberOrNull(Hyperparameters.Beta2.Option),
                a.NumberOrNull(Hyperparameters.Rho.Option));
        }
        catch (DlExtArgumentException e) when (Hyperparameters.Find(e.ParamName ?? string.Empty) is { } h)
        {
            throw new DlExtArgumentException(h.Option, e.Value, e.Accepted);
        }
    }

    /// <summary>--checkpoint DIR, --checkpoint-every N and --resume; the two others need --checkpoint.</summary>
    internal static (CheckpointOptions? Checkpoint, bool Resume) CheckpointFor(MagicArguments a)
    {
        if (a.Spec.Find("--checkpoint") is null)
        {
            return (null, false);
        }

        var resume = a.Flag("--resume");
        if (a.Text("--checkpoint") is not { } folder)
        {
            if (resume || a.Has("--checkpoint-every"))
            {
                throw new DlExtArgumentException(resume ? "--resume" : "--checkpoint-every",
                    $"{(resume ? "--resume" : "--checkpoint-every")} needs --checkpoint DIR, the folder of the checkpoint.");
            }

            return (null, false);
        }

        return (new CheckpointOptions(folder, a.WholeNumber("--checkpoint-every", 1)), resume);
    }

    private static LearningRateSchedule? ScheduleFor(MagicArguments a)
    {
        var text = a.Text(Hyperparameters.Schedule.Option, Hyperparameters.Schedule.DefaultName)!;
        var warmup = a.WholeNumber(Hyperparameters.Warmup);
        if (warmup > 0)
        {
            text += (text.Contains(':', StringComparison.Ordinal) ? "," : ":") + "warmup=" + warmup.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return text == "constant" ? null : Schedules.Parse(text);
    }

    // A data set that cannot be found or downloaded is a usage problem: one clean line, not a stack trace.
    private static Dataset BuiltIn(Func<Dataset> load)
    {
        try
        {
            return load();
        }
        catch (DatasetUnavailableException e)
        {
            throw new DlExtArgumentException("--data", e.Message);
        }
    }

    /// <summary>Builds a recipe for the data, naming --model in an error.</summary>
    internal static Sequential Build(ModelRecipe recipe, Dataset data)
    {
        try
        {
            return recipe.Build(data);
        }
        catch (DlExtArgumentException e)
        {
            throw new DlExtArgumentException("--model", e.Value, e.Accepted);
        }
    }

    internal static (Sequential Model, bool Fresh) ResolveModel(INotebookHost host, string name)
    {
        if (!MagicParser.IsIdentifier(name))
        {
            throw new DlExtArgumentException("--model", name, "the name of a C# variable holding a model or a factory, or " + ModelRecipe.Syntax);
        }

        var value = MagicInvoker.Value(host, "--model", name);
        return value switch
        {
            Sequential s => (s, false),
            Func<Sequential> factory => (factory(), true),
            _ => throw new DlExtArgumentException("--model", name,
                $"a variable holding a Sequential model or a Func<Sequential> factory (it holds a {value.GetType().Name})"),
        };
    }

    internal static Dataset ResolveData(INotebookHost host, string name, Sequential? model) =>
        ResolveData(host, name, flat: model is { Layers.Count: > 0 } && model.Layers[0] is Linear);

    internal static Dataset ResolveData(INotebookHost host, string name, bool flat)
    {
        var data = name switch
        {
            "digits" => Datasets.Digits(),
            "fashion-mnist" => BuiltIn(() => Datasets.FashionMnist(train: true)),
            "mnist" => BuiltIn(() => Datasets.Mnist(train: true)),
            _ when MagicParser.IsIdentifier(name) => MagicInvoker.Variable<Dataset>(host, "--data", name),
            _ => throw new DlExtArgumentException("--data", name, "digits, fashion-mnist, mnist or the name of a C# variable holding a Dataset"),
        };

        // Built-in image sets come as [1, H, W]; a model that starts with a Linear layer wants vectors.
        return flat ? data.Flatten() : data;
    }
}
