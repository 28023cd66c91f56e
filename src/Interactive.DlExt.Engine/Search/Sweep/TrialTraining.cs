namespace Interactive.DlExt.Search;

/// <summary>Turns a request's defaults and a trial's parameters into that trial's own <see cref="TrainingOptions"/>.
/// The parameter names, and which optimizer takes which setting, come from <see cref="Hyperparameters"/>.</summary>
internal static class TrialTraining
{
    public static IReadOnlyList<string> Names => Hyperparameters.SweepNames;

    /// <summary>Fresh options (and a fresh optimizer and schedule, which keep state) for one trial.</summary>
    public static TrainingOptions Create(SweepRequest request, TrialParameters p, Dataset validation, ulong seed, int threads)
    {
        var optimizer = Spelling(p, Hyperparameters.Optimizer) is { } o ? p.String(o) : request.Optimizer;
        var schedule = Spelling(p, Hyperparameters.Schedule) is { } s ? p.String(s) : request.Schedule;
        var momentum = Number(p, Hyperparameters.Momentum) ?? (Hyperparameters.Momentum.AppliesTo(optimizer) ? request.Momentum : null);
        return new TrainingOptions
        {
            Epochs = Spelling(p, Hyperparameters.Epochs) is { } e ? p.Int(e) : request.Epochs,
            BatchSize = Spelling(p, Hyperparameters.BatchSize) is { } b ? p.Int(b) : request.BatchSize,
            Optimizer = Optimizers.Create(
                optimizer,
                Number(p, Hyperparameters.LearningRate) ?? request.LearningRate,
                Number(p, Hyperparameters.WeightDecay) ?? request.WeightDecay,
                momentum,
                Number(p, Hyperparameters.Beta1),
                Number(p, Hyperparameters.Beta2),
                Number(p, Hyperparameters.Rho)),
            Schedule = schedule is null ? null : Schedules.Parse(schedule),
            Loss = request.Loss,
            Validation = validation,
            L1 = Number(p, Hyperparameters.L1) ?? request.L1,
            L2 = Number(p, Hyperparameters.L2) ?? request.L2,
            Seed = seed,
            Threads = threads,
            EarlyStopping = request.EarlyStoppingPatience is { } patience ? new EarlyStopping(patience) : null,
            TimeProvider = request.TimeProvider,
        };
    }

    /// <summary>Refuses an optimizer setting (momentum, β₁, β₂, ρ) searched where an optimizer without it would be
    /// trained (every such trial would fail): it must be conditional on the optimizers that take it.</summary>
    public static void CheckOptimizerSettings(SweepRequest request)
    {
        foreach (var setting in Hyperparameters.Sweepable.Where(h => h.UsedBy.Count > 0))
        {
            if (setting.Aliases.Prepend(setting.Name).Select(request.Space.Find).FirstOrDefault(x => x is not null) is not { } searched)
            {
                continue;
            }

            IEnumerable<string> optimizers = request.Space.Find(Hyperparameters.Optimizer.Name) is ChoiceParameter choice
                ? choice.Values.Select(ParameterValues.Format)
                : [request.Optimizer];
            if (searched.Condition is { Parent: "optimizer" } condition)
            {
                optimizers = condition.Values.Select(ParameterValues.Format);
            }

            var without = optimizers.Select(o => o.Trim().ToLowerInvariant()).Where(o => !setting.AppliesTo(o)).ToArray();
            if (without.Length > 0)
            {
                throw new DlExtArgumentException(setting.Name, searched.ToString(),
                    $"a {setting.Name} searched only where the optimizer uses it ({string.Join(", ", setting.UsedBy)}); {string.Join(", ", without)} has none: "
                    + $"declare it with when: (\"optimizer\", [{string.Join(", ", setting.UsedBy.Select(u => $"\"{u}\""))}])");
            }
        }
    }

    /// <summary>The spelling of <paramref name="h"/> the trial's parameters use, or null when it is not searched.</summary>
    private static string? Spelling(TrialParameters p, Hyperparameter h) => h.Aliases.Prepend(h.Name).FirstOrDefault(p.Has);

    private static double? Number(TrialParameters p, Hyperparameter h) => Spelling(p, h) is { } name ? p.Double(name) : null;
}
