using Interactive.DlExt.Search;

namespace Interactive.DlExt;

/// <summary>
/// The manifest of a sweep: the search's settings (space, strategy, pruner, budget, objective, fixed training
/// settings), its seed, the fingerprints of the training and validation data, every trial's parameters, state, value
/// and curve, the best trial, and the test-set uses. A sweep keeps no model, so it has no weights hash.
/// </summary>
internal static class SweepManifest
{
    public static RunManifest Of(SweepResult result, SweepRunner runner, string? command)
    {
        var request = runner.Request;
        var settings = RunManifest.Sorted(
            ("space", request.Space.Describe().ReplaceLineEndings("; ")), ("strategy", result.StrategyName), ("pruner", result.PrunerName),
            ("trials", RunManifest.Text(request.Trials)), ("objective", result.ObjectiveName), ("parallel", RunManifest.Text(request.Parallelism)),
            ("epochs", RunManifest.Text(request.Epochs)), ("batch size", RunManifest.Text(request.BatchSize)), ("optimizer", request.Optimizer),
            ("learning rate", RunManifest.Text(request.LearningRate)), ("schedule", request.Schedule ?? "none"),
            ("l1", RunManifest.Text(request.L1)), ("l2", RunManifest.Text(request.L2)),
            ("enqueued", RunManifest.Text(request.Enqueued.Count)));
        var metrics = new List<(string, string)>
        {
            ("completed", RunManifest.Text(result.Count(TrialState.Completed))), ("pruned", RunManifest.Text(result.Count(TrialState.Pruned))),
            ("failed", RunManifest.Text(result.Count(TrialState.Failed))), ("trials run", RunManifest.Text(result.Trials.Count)),
        };
        if (result.Best is { } best)
        {
            metrics.Add(("best trial", RunManifest.Text(best.Number)));
            RunManifest.Add(metrics, "best value", best.Value);
            metrics.Add(("best parameters", TrialParametersJson.Write(best.Parameters, request.Space)));
        }

        return new RunManifest
        {
            Kind = RunManifest.SweepKind,
            Command = command,
            Threads = runner.Threads,
            Seeds = RunManifest.Sorted(("sweep", RunManifest.Text(request.Seed))),
            Data = [DataFingerprint.Of(runner.TrainPart, "train"), DataFingerprint.Of(runner.Validation, "validation")],
            Hyperparameters = settings,
            Trials = [.. result.Trials.Select(t => new TrialValues(t.Number, t.State.ToString(), TrialParametersJson.Write(t.Parameters, request.Space), t.Value, t.Curve))],
            FinalMetrics = RunManifest.Sorted([.. metrics]),
            TestAccesses = RunManifest.Accesses(request.Train, request.Validation, runner.TrainPart, runner.Validation),
        };
    }
}
