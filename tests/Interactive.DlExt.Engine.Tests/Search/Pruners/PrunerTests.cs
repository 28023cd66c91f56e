using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class PrunerTests
{
    private static readonly SearchSpace Space = SearchSpace.Create().Uniform("x", 0, 1);

    private static TrialRecord Curve(int number, TrialState state, params double[] values) =>
        new(number, state, new TrialParameters([new("x", 0.5)]), values.Length > 0 ? values[^1] : null,
            intermediateValues: values.Select((v, i) => (i, v)).ToDictionary(p => p.i, p => p.v));

    private static StudyHistory History(StudyDirection direction, params TrialRecord[] trials) => new(Space, direction, trials);

    [Fact]
    public void Median_pruner_prunes_a_curve_worse_than_the_median_at_the_same_step()
    {
        var history = History(
            StudyDirection.Minimize,
            Curve(0, TrialState.Completed, 1.0, 0.8, 0.6),
            Curve(1, TrialState.Completed, 1.2, 0.9, 0.7),
            Curve(2, TrialState.Completed, 0.9, 0.7, 0.5));
        var pruner = new MedianPruner(startupTrials: 3);
        Assert.False(pruner.ShouldPrune(history, Curve(3, TrialState.Running, 0.95)));     // median at step 0 is 1.0
        Assert.True(pruner.ShouldPrune(history, Curve(3, TrialState.Running, 0.95, 0.85))); // best 0.85 > median 0.8
        Assert.False(pruner.ShouldPrune(history, Curve(3, TrialState.Running, 0.7, 0.85)));  // best so far 0.7 ≤ 0.8
    }

    [Fact]
    public void Median_pruner_respects_startup_trials_warmup_and_direction()
    {
        var two = History(StudyDirection.Minimize, Curve(0, TrialState.Completed, 1, 1), Curve(1, TrialState.Completed, 1, 1));
        Assert.False(new MedianPruner(startupTrials: 3).ShouldPrune(two, Curve(2, TrialState.Running, 5, 5)));
        Assert.False(new MedianPruner(startupTrials: 2, warmupSteps: 2).ShouldPrune(two, Curve(2, TrialState.Running, 5, 5)));
        Assert.True(new MedianPruner(startupTrials: 2).ShouldPrune(two, Curve(2, TrialState.Running, 5, 5)));
        var accuracy = History(StudyDirection.Maximize, Curve(0, TrialState.Completed, 0.5, 0.8), Curve(1, TrialState.Completed, 0.6, 0.9));
        Assert.True(new MedianPruner(startupTrials: 2).ShouldPrune(accuracy, Curve(2, TrialState.Running, 0.4, 0.7)));
        Assert.False(new MedianPruner(startupTrials: 2).ShouldPrune(accuracy, Curve(2, TrialState.Running, 0.4, 0.95)));
    }

    [Fact]
    public void Asha_rungs_sit_at_min_resource_times_powers_of_eta()
    {
        var asha = new AshaPruner(minResource: 1, reductionFactor: 3);
        Assert.Equal(new long[] { 1, 3, 9, 27 }, Enumerable.Range(0, 4).Select(asha.RungStep));
        Assert.Equal(6, new AshaPruner(minResource: 2, reductionFactor: 3, minEarlyStoppingRate: 1).RungStep(0));
    }

    [Fact]
    public void Asha_promotes_only_the_top_third_at_a_rung_and_decides_only_on_arrival()
    {
        var asha = new AshaPruner(minResource: 1, reductionFactor: 3);
        // Five trials reached rung 0 (step 1) with values 0.5 … 0.9; a sixth arrives: 6 // 3 = 2 promotable.
        var others = Enumerable.Range(0, 5).Select(i => Curve(i, TrialState.Pruned, 1.0, 0.5 + (0.1 * i))).ToArray();
        var history = History(StudyDirection.Minimize, others);
        Assert.False(asha.ShouldPrune(history, Curve(9, TrialState.Running, 1.0, 0.55)));  // 2nd best of 6
        Assert.True(asha.ShouldPrune(history, Curve(9, TrialState.Running, 1.0, 0.65)));   // 3rd of 6
        Assert.False(asha.ShouldPrune(history, Curve(9, TrialState.Running, 1.0, 0.55, 9.0))); // step 2: between rungs
        Assert.False(asha.ShouldPrune(history, Curve(9, TrialState.Running, 1.0)));         // step 0: before the first rung
    }

    [Fact]
    public void Asha_keeps_the_best_while_fewer_than_eta_trials_reached_a_rung()
    {
        var asha = new AshaPruner(minResource: 1, reductionFactor: 3);
        var history = History(StudyDirection.Minimize, Curve(0, TrialState.Completed, 1.0, 0.5, 0.4, 0.3));
        Assert.False(asha.ShouldPrune(history, Curve(1, TrialState.Running, 1.0, 0.45)));
        Assert.True(asha.ShouldPrune(history, Curve(1, TrialState.Running, 1.0, 0.6)));
    }

    [Fact]
    public void Pruned_trials_keep_their_partial_curves_in_a_study()
    {
        var study = new Study("prune", Space, new StudyOptions { Strategy = new GridSearch(8), Pruner = new MedianPruner(startupTrials: 2) });
        study.Optimize(
            t =>
            {
                var x = t.Parameters.Double("x");
                var value = 0.0;
                for (var epoch = 0; epoch < 5; epoch++)
                {
                    value = (x * 10) + (5 - epoch);
                    t.Report(epoch, value);
                    if (t.ShouldPrune())
                    {
                        return value;
                    }
                }

                return value;
            },
            trials: 8);
        var trials = study.Trials;
        Assert.Equal(TrialState.Completed, trials[0].State);
        Assert.Equal(TrialState.Completed, trials[1].State);
        var pruned = trials.Where(t => t.State == TrialState.Pruned).ToArray();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, t => Assert.InRange(t.IntermediateValues.Count, 1, 4));
        Assert.All(pruned, t => Assert.Equal(t.IntermediateValues.Last().Value, t.Value));
    }
}
