namespace Interactive.DlExt.Notebook;

/// <summary>#!train: turns checked arguments into a <see cref="TrainRequest"/> and runs it with a live view.</summary>
internal static class TrainMagic
{
    public static async Task RunAsync(INotebookHost host, MagicArguments a)
    {
        var modelName = a.Text("--model") ?? throw new DlExtArgumentException("--model", "nothing",
            "the name of a C# variable holding a model, e.g. #!train model --data digits");
        var (model, fresh) = ResolveModel(host, modelName);
        var data = ResolveData(host, a.Text("--data", "digits")!, model);
        var optimizerName = a.Text("--optimizer", "adam")!;
        var learningRate = a.Number("--lr", 1e-3);
        var options = new TrainingOptions
        {
            Epochs = a.WholeNumber("--epochs", 10),
            BatchSize = a.WholeNumber("--batch-size", 32),
            Optimizer = OptimizerFor(optimizerName, learningRate, a),
            Schedule = ScheduleFor(a),
            L1 = a.Number("--l1", 0),
            L2 = a.Number("--l2", 0),
            Seed = (ulong)a.WholeNumber("--seed", 0),
            Threads = a.WholeNumber("--threads", TrainingOptions.DefaultThreads),
            EarlyStopping = a.WholeNumberOrNull("--early-stop") is { } patience ? new EarlyStopping(patience) : null,
        };
        if (a.Text("--val") is { } valName)
        {
            options.Validation = MagicInvoker.Variable<Dataset>(host, "--val", valName);
        }
        else
        {
            options.ValidationSplit = a.Number("--val-split", 0.1);
        }

        var request = new TrainRequest(model, data, options)
        {
            OutVariable = a.Text("--out"),
            ReportPath = a.Text("--report"),
            Quiet = a.Flag("--quiet"),
        };

        // A factory's model is new every time; a variable's model is trained in place, so a re-run must choose its start.
        if (!fresh && TrainRerun.Prepare(model, a.Flag("--continue"), options.Seed) is { } start)
        {
            host.Display(new TrainingStatus(start));
        }

        var history = await Dl.TrainAsync(host, request).ConfigureAwait(false);
        if (!fresh)
        {
            TrainRerun.Trained(model, history);
        }
    }

    private static Optimizer OptimizerFor(string name, double learningRate, MagicArguments a)
    {
        var decay = a.Number("--weight-decay", 0);
        var momentum = a.NumberOrNull("--momentum");
        return name switch
        {
            "momentum" => new Momentum(learningRate, momentum ?? 0.9, weightDecay: decay),
            "nesterov" => new Nesterov(learningRate, momentum ?? 0.9, weightDecay: decay),
            "rmsprop" => new RmsProp(learningRate, momentum ?? 0.9, weightDecay: decay),
            "adam" => new Adam(learningRate, a.Number("--beta1", 0.9), a.Number("--beta2", 0.999), weightDecay: decay),
            "adamw" => new AdamW(learningRate, a.Number("--beta1", 0.9), a.Number("--beta2", 0.999), weightDecay: a.Number("--weight-decay", 0.01)),
            _ => Optimizers.Create(name, learningRate, a.NumberOrNull("--weight-decay")),
        };
    }

    private static LearningRateSchedule? ScheduleFor(MagicArguments a)
    {
        var text = a.Text("--schedule", "constant")!;
        var warmup = a.WholeNumber("--warmup", 0);
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

    private static (Sequential Model, bool Fresh) ResolveModel(INotebookHost host, string name)
    {
        var value = MagicInvoker.Value(host, "--model", name);
        return value switch
        {
            Sequential s => (s, false),
            Func<Sequential> factory => (factory(), true),
            _ => throw new DlExtArgumentException("--model", name,
                $"a variable holding a Sequential model or a Func<Sequential> factory (it holds a {value.GetType().Name})"),
        };
    }

    internal static Dataset ResolveData(INotebookHost host, string name, Sequential? model)
    {
        var flat = model is { Layers.Count: > 0 } && model.Layers[0] is Linear;
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
