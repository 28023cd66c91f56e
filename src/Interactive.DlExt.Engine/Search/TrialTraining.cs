namespace Interactive.DlExt.Search;

/// <summary>Turns a request's defaults and a trial's parameters into that trial's own <see cref="TrainingOptions"/>.</summary>
internal static class TrialTraining
{
    /// <summary>The optimizers that read a momentum β.</summary>
    internal static readonly string[] MomentumUsers = ["momentum", "nesterov"];

    public static IReadOnlyList<string> Names { get; } =
        ["lr", "learning_rate", "batch_size", "epochs", "optimizer", "momentum", "weight_decay", "schedule", "l1", "l2"];

    /// <summary>Fresh options (and a fresh optimizer and schedule, which keep state) for one trial.</summary>
    public static TrainingOptions Create(SweepRequest request, TrialParameters p, Dataset validation, ulong seed, int threads)
    {
        var optimizer = p.Has("optimizer") ? p.String("optimizer") : request.Optimizer;
        var rate = p.Has("lr") ? p.Double("lr") : p.Has("learning_rate") ? p.Double("learning_rate") : request.LearningRate;
        var momentum = p.Has("momentum") ? p.Double("momentum") : request.Momentum;
        var decay = p.Has("weight_decay") ? p.Double("weight_decay") : request.WeightDecay;
        var schedule = p.Has("schedule") ? p.String("schedule") : request.Schedule;
        var usesMomentum = MomentumUsers.Contains(optimizer.Trim().ToLowerInvariant());
        return new TrainingOptions
        {
            Epochs = p.Has("epochs") ? p.Int("epochs") : request.Epochs,
            BatchSize = p.Has("batch_size") ? p.Int("batch_size") : request.BatchSize,
            Optimizer = Optimizers.Create(optimizer, rate, decay, usesMomentum ? momentum : null),
            Schedule = schedule is null ? null : Schedules.Parse(schedule),
            Loss = request.Loss,
            Validation = validation,
            L1 = p.Has("l1") ? p.Double("l1") : request.L1,
            L2 = p.Has("l2") ? p.Double("l2") : request.L2,
            Seed = seed,
            Threads = threads,
            EarlyStopping = request.EarlyStoppingPatience is { } patience ? new EarlyStopping(patience) : null,
            TimeProvider = request.TimeProvider,
        };
    }

    /// <summary>Refuses a searched momentum that would be active for an optimizer without momentum (every such trial would fail).</summary>
    public static void CheckMomentum(SweepRequest request)
    {
        if (request.Space.Find("momentum") is not { } momentum)
        {
            return;
        }

        IEnumerable<string> optimizers = request.Space.Find("optimizer") is ChoiceParameter choice
            ? choice.Values.Select(ParameterValues.Format)
            : [request.Optimizer];
        if (momentum.Condition is { Parent: "optimizer" } condition)
        {
            optimizers = condition.Values.Select(ParameterValues.Format);
        }

        var without = optimizers.Select(o => o.Trim().ToLowerInvariant()).Where(o => !MomentumUsers.Contains(o)).ToArray();
        if (without.Length > 0)
        {
            throw new DlExtArgumentException("momentum", momentum.ToString(),
                $"a momentum searched only where the optimizer uses it (momentum, nesterov); {string.Join(", ", without)} has none: "
                + "declare it with when: (\"optimizer\", [\"momentum\", \"nesterov\"])");
        }
    }
}
