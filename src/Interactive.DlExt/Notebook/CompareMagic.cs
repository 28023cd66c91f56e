using System.Globalization;

namespace Interactive.DlExt.Notebook;

/// <summary>#!compare: shows TrainingHistory variables side by side, or trains one run per value of the one option given
/// as a list (with a live view) and shows those.</summary>
internal static class CompareMagic
{
    // The options that only make sense when #!compare trains the runs itself.
    private static readonly string[] HistoryFormOptions = ["--runs", "--x", "--out", "--quiet"];

    public static async Task RunAsync(INotebookHost host, MagicArguments a)
    {
        var runs = a.Text("--runs") ?? throw new DlExtArgumentException("--runs", "nothing",
            "TrainingHistory variables separated by commas (#!compare h1,h2) or a model and one option as a list (#!compare model --batch-size 32,64,128)");
        var axis = RunComparison.ParseAxis(a.Text("--x", "epochs")!);
        var names = runs.Split(',', StringSplitOptions.TrimEntries);
        var comparison = names.Length > 1 || (MagicParser.IsIdentifier(runs) && host.TryGetVariable(runs, out var value) && value is TrainingHistory)
            ? FromHistories(host, a, names, axis)
            : await TrainAsync(host, a, runs, axis).ConfigureAwait(false);
        if (a.Text("--out") is { } outName)
        {
            await host.SetVariableAsync(outName, comparison, typeof(RunComparison)).ConfigureAwait(false);
        }
    }

    private static RunComparison FromHistories(INotebookHost host, MagicArguments a, string[] names, ComparisonAxis axis)
    {
        if (a.Values.Keys.FirstOrDefault(o => !HistoryFormOptions.Contains(o)) is { } extra)
        {
            throw new DlExtArgumentException(extra, a.Values[extra],
                "no value when comparing TrainingHistory variables: they were trained already (#!compare h1,h2 takes --x and --out only)");
        }

        if (names.Length < 2)
        {
            throw new DlExtArgumentException("--runs", string.Join(",", names), "two or more TrainingHistory variables separated by commas, e.g. #!compare h1,h2");
        }

        var histories = names.Select(name => MagicParser.IsIdentifier(name)
            ? MagicInvoker.Variable<TrainingHistory>(host, "--runs", name)
            : throw new DlExtArgumentException("--runs", name, "the name of a C# variable holding a TrainingHistory (from #!train ... --out NAME)")).ToArray();
        var comparison = new RunComparison(histories, names, axis);
        host.Display(comparison);
        return comparison;
    }

    private static async Task<RunComparison> TrainAsync(INotebookHost host, MagicArguments a, string modelName, ComparisonAxis axis)
    {
        var plan = Plan(a);
        var options = TrainMagic.Options(host, BaseArguments(a, plan));
        var (factory, data) = Model(host, a, modelName, options.Seed);
        var handle = host.Display(new TrainingStatus(string.Create(CultureInfo.InvariantCulture, $"training {plan.Values.Count} runs, one per {plan.Varied.Option} value…")));
        var finished = new List<TrainingHistory>();
        var reference = plan.ScalingReference;
        void Configure(int index, TrainingOptions run)
        {
            if (!a.Flag("--quiet"))
            {
                run.Callbacks.Add(new CompareLiveView(handle, finished, axis, reference, host.MinimumUpdateInterval));
            }
        }

        RunComparison result;
        try
        {
            result = await Task.Run(() => RunComparer.Train(factory, data, options, plan, Configure, host.CancellationToken)).ConfigureAwait(false);
        }
        catch (DlExtArgumentException e) when (Option(e.ParamName) is { } option && option != e.ParamName)
        {
            throw new DlExtArgumentException(option, e.Value, e.Accepted); // under the option the user typed
        }

        result = result.WithAxis(axis);
        handle.Update(result);
        return result;
    }

    /// <summary>The one option given as a list, as a plan; none or two lists are refused.</summary>
    private static ComparisonPlan Plan(MagicArguments a)
    {
        var lists = ComparisonPlan.Comparable.Where(h => a.Text(h.Option) is { } text && ComparisonPlan.IsList(h, text)).ToArray();
        if (lists.Length != 1)
        {
            throw new DlExtArgumentException(lists.Length == 0 ? "list" : lists[1].Option,
                lists.Length == 0 ? "no option given as a list" : string.Join(" and ", lists.Select(h => $"{h.Option} {a.Text(h.Option)}")),
                "exactly one option given as a list of values to compare, e.g. --batch-size 32,64,128 or --lr 0.01,0.1 (the others take one value)");
        }

        var varied = lists[0];
        if (a.Flag("--scale-lr") && varied != Hyperparameters.BatchSize)
        {
            throw new DlExtArgumentException("--scale-lr", $"--scale-lr with {varied.Option} varied", "--scale-lr only with --batch-size given as a list");
        }

        var text = a.Text(varied.Option)!;
        if (varied == Hyperparameters.Schedule && a.WholeNumber(Hyperparameters.Warmup) is > 0 and var warmup)
        {
            // --warmup goes before every schedule compared, as #!train puts it before its one schedule.
            text = string.Join(';', text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s + (s.Contains(':', StringComparison.Ordinal) ? "," : ":") + "warmup=" + warmup.ToString(CultureInfo.InvariantCulture)));
        }

        return ComparisonPlan.Parse(varied.Option, text) with { ScaleLearningRate = a.Flag("--scale-lr") };
    }

    /// <summary>The arguments of the base run: the listed option replaced by the value that builds the base optimizer
    /// (for a list of optimizers, the first that takes every optimizer setting given), every single value checked.</summary>
    private static MagicArguments BaseArguments(MagicArguments a, ComparisonPlan plan)
    {
        var values = a.Values.ToDictionary(p => p.Key, p => p.Value);
        foreach (var h in ComparisonPlan.Comparable.Where(h => h != plan.Varied && values.ContainsKey(h.Option)))
        {
            Single(h, values[h.Option]);
        }

        var given = ComparisonPlan.Comparable.Where(h => h.UsedBy.Count > 0 && values.ContainsKey(h.Option)).ToArray();
        var first = plan.Varied == Hyperparameters.Optimizer
            ? plan.Values.Select(Text).OrderByDescending(o => given.Count(h => h.AppliesTo(o))).First()
            : Text(plan.Values[0]);
        values[plan.Varied.Option] = first;
        if (plan.Varied == Hyperparameters.Schedule)
        {
            values.Remove(Hyperparameters.Warmup.Option); // the plan's schedules carry it already
        }

        return new MagicArguments(a.Spec, values);
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static void Single(Hyperparameter h, string text)
    {
        if (h.Kind is HyperparameterKind.Number or HyperparameterKind.WholeNumber
            && !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && h.InRange(x)))
        {
            throw new DlExtArgumentException(h.Option, text, h.Accepted);
        }
    }

    private static (Func<Sequential> Factory, Dataset Data) Model(INotebookHost host, MagicArguments a, string name, ulong seed)
    {
        var dataName = a.Text("--data", "digits")!;
        if (ModelRecipe.LooksLikeOne(name))
        {
            var recipe = ModelRecipe.Parse(name, "--runs");
            var data = TrainMagic.ResolveData(host, dataName, recipe.WantsVectors);
            TrainMagic.Build(recipe, data); // refuses a recipe that does not fit the data before any run
            return (() => recipe.Build(data), data);
        }

        if (!MagicParser.IsIdentifier(name))
        {
            throw new DlExtArgumentException("--runs", name, "TrainingHistory variables separated by commas, a variable holding a model or a Func<Sequential>, or " + ModelRecipe.Syntax);
        }

        var value = MagicInvoker.Value(host, "--runs", name);
        switch (value)
        {
            case Func<Sequential> make:
                return (make, TrainMagic.ResolveData(host, dataName, make()));
            case Sequential model:
                // Every run starts from the same weights: those it has now, or (unbuilt) those the seed draws, as #!train would.
                var modelData = TrainMagic.ResolveData(host, dataName, model);
                if (!model.HasStore)
                {
                    model.Build(modelData.ItemShape, seed);
                }

                var before = model.Store.Snapshot();
                return (() =>
                {
                    model.Store.Restore(before);
                    return model;
                }, modelData);
            default:
                throw new DlExtArgumentException("--runs", name,
                    $"TrainingHistory variables separated by commas, or a variable holding a Sequential model or a Func<Sequential> factory (it holds a {value.GetType().Name})");
        }
    }

    private static string? Option(string? parameter) => parameter switch
    {
        "scale learning rate" => "--scale-lr",
        _ => parameter is null ? null : Hyperparameters.Find(parameter)?.Option ?? parameter,
    };
}
