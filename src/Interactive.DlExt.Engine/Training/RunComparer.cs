namespace Interactive.DlExt;

/// <summary>Trains the runs of a <see cref="ComparisonPlan"/> one after another, each a fresh model from the same factory
/// with the same seed, and compares them.</summary>
public static class RunComparer
{
    /// <summary>Trains one run per value of <paramref name="plan"/>'s hyperparameter on <paramref name="train"/>, everything
    /// else as <paramref name="options"/> says, and returns them side by side. Each run gets a fresh optimizer: a varied
    /// optimizer setting, learning rate or batch size with <see cref="ComparisonPlan.ScaleLearningRate"/> builds it anew with
    /// <see cref="Optimizers.Create"/> from the base optimizer's name and settings; otherwise the base optimizer is reset.
    /// Cancelling stops the running run within a batch and returns the runs so far.</summary>
    /// <param name="model">Returns the model of a run: a new, unbuilt one each call, or one whose weights it restores.</param>
    /// <param name="train">The training data (the validation split, seeded by the options' seed, is the same for every run).</param>
    /// <param name="options">The base configuration; it is not changed.</param>
    /// <param name="plan">The hyperparameter to vary and its values.</param>
    /// <param name="configure">Called with the run's index and its own options before it trains (e.g. to add a live view).</param>
    /// <param name="cancellationToken">Stops training.</param>
    /// <exception cref="DlExtArgumentException">A setting the optimizer does not take, or the learning rate scaled without a varied batch size.</exception>
    public static RunComparison Train(Func<Sequential> model, Dataset train, TrainingOptions options, ComparisonPlan plan,
        Action<int, TrainingOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plan);
        var all = plan.Values.Select((_, i) => OptionsFor(options, plan, i)).ToArray(); // every run's settings checked before the first trains
        var histories = new List<TrainingHistory>();
        for (var i = 0; i < all.Length && !cancellationToken.IsCancellationRequested; i++)
        {
            all[i].Optimizer?.Reset(); // a shared base optimizer starts every run from step 0
            configure?.Invoke(i, all[i]);
            histories.Add(Trainer.Fit(model(), train, all[i], cancellationToken));
        }

        return new RunComparison(histories, names: null, ComparisonAxis.Epochs, plan.ScalingReference);
    }

    /// <summary>The options of run <paramref name="index"/>: the base options with the plan's value applied.</summary>
    internal static TrainingOptions OptionsFor(TrainingOptions options, ComparisonPlan plan, int index)
    {
        var h = plan.Varied;
        var value = plan.Values[index];
        if (plan.ScaleLearningRate && h != Hyperparameters.BatchSize)
        {
            throw new DlExtArgumentException("scale learning rate", "true", $"only with the batch size varied (here {h.Name} is)");
        }

        var run = options.Clone();
        var baseOptimizer = options.Optimizer ?? Optimizers.Create(Hyperparameters.DefaultOptimizer, Hyperparameters.DefaultLearningRate);
        var recipe = OptimizerRecipe.Of(baseOptimizer);
        var rebuild = true;
        switch (h.Name)
        {
            case "batch_size":
                run.BatchSize = Whole(value);
                rebuild = plan.ScaleLearningRate;
                recipe = plan.ScaleLearningRate ? recipe with { LearningRate = plan.ScaledLearningRate(recipe.LearningRate, run.BatchSize) } : recipe;
                break;
            case "learning_rate": recipe = recipe with { LearningRate = Number(value) }; break;
            case "optimizer": recipe = recipe.For(Search.ParameterValues.Format(value)); break;
            case "momentum": recipe = recipe with { Momentum = Number(value) }; break;
            case "beta1": recipe = recipe with { Beta1 = Number(value) }; break;
            case "beta2": recipe = recipe with { Beta2 = Number(value) }; break;
            case "rho": recipe = recipe with { Rho = Number(value) }; break;
            case "weight_decay": recipe = recipe with { WeightDecay = Number(value) }; break;
            default:
                rebuild = false;
                Apply(run, h, value);
                break;
        }

        if (rebuild)
        {
            run.Optimizer = recipe.Create();
        }
        else
        {
            run.Optimizer = baseOptimizer;
        }

        return run;
    }

    private static void Apply(TrainingOptions run, Hyperparameter h, object value)
    {
        switch (h.Name)
        {
            case "epochs": run.Epochs = Whole(value); break;
            case "l1": run.L1 = Number(value); break;
            case "l2": run.L2 = Number(value); break;
            case "schedule":
                var text = Search.ParameterValues.Format(value);
                run.Schedule = text == "constant" ? null : Schedules.Parse(text);
                break;
            default: throw new InvalidOperationException($"{h.Name} has no comparison rule");
        }
    }

    private static double Number(object value) => Search.ParameterValues.TryNumber(value, out var x) ? x : throw new InvalidOperationException($"{value} is not a number");

    private static int Whole(object value) => (int)Number(value);
}
