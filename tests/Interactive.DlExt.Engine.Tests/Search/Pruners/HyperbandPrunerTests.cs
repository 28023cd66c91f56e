using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class HyperbandPrunerTests
{
    private static readonly SearchSpace Space = SearchSpace.Create().Uniform("x", 0, 1);

    private static TrialRecord Curve(int number, TrialState state, params double[] values) =>
        new(number, state, new TrialParameters([new("x", 0.5)]), values.Length > 0 ? values[^1] : null,
            intermediateValues: values.Select((v, i) => (i, v)).ToDictionary(p => p.i, p => p.v));

    /// <summary>The first <paramref name="count"/> trial numbers the pruner puts in <paramref name="bracket"/>.</summary>
    private static int[] InBracket(HyperbandPruner pruner, int bracket, int count) =>
        Enumerable.Range(0, 10_000).Where(n => pruner.BracketOf(n) == bracket).Take(count).ToArray();

    [Theory]
    [InlineData(1, 10, 3, 3)] // rungs 1, 3, 9 ≤ 10
    [InlineData(1, 9, 3, 3)]  // an exact power: 9 = 3² still gives its own bracket
    [InlineData(1, 8, 3, 2)]
    [InlineData(1, 27, 3, 4)]
    [InlineData(2, 5, 3, 1)]
    [InlineData(1, 16, 2, 5)]
    public void There_are_floor_log_eta_of_max_over_min_plus_one_brackets(int min, int max, int eta, int brackets)
    {
        var pruner = new HyperbandPruner(min, max, eta);
        Assert.Equal(brackets, pruner.Brackets.Count);
        Assert.Equal(Enumerable.Range(0, brackets), pruner.Brackets.Select(b => b.MinEarlyStoppingRate));
        Assert.All(pruner.Brackets, b => Assert.Equal(min, b.MinResource));
        Assert.All(pruner.Brackets, b => Assert.Equal(eta, b.ReductionFactor));
    }

    [Fact]
    public void Bracket_b_first_judges_at_min_resource_times_eta_to_the_b_and_budgets_are_optunas()
    {
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 10, reductionFactor: 3);
        Assert.Equal(new long[] { 1, 3, 9 }, pruner.Brackets.Select(b => b.RungStep(0)));
        Assert.Equal(new long[] { 3, 9, 27 }, pruner.Brackets.Select(b => b.RungStep(1)));
        // ⌈n·η^s/(s+1)⌉ with n = 3, s = 2, 1, 0: ⌈27/3⌉, ⌈9/2⌉, ⌈3/1⌉.
        Assert.Equal(new[] { 9, 5, 3 }, pruner.BracketBudgets);
        Assert.Equal("hyperband (min resource 1, max resource 10, reduction factor 3, seed 0)", pruner.ToString());
    }

    [Fact]
    public void Brackets_are_a_deterministic_function_of_the_seed_and_trial_number_in_proportion_to_their_budgets()
    {
        var a = new HyperbandPruner(1, 10, 3, seed: 7);
        var again = new HyperbandPruner(1, 10, 3, seed: 7);
        var other = new HyperbandPruner(1, 10, 3, seed: 8);
        var numbers = Enumerable.Range(0, 3400).ToArray();
        var brackets = numbers.Select(a.BracketOf).ToArray();

        Assert.Equal(brackets, numbers.Select(again.BracketOf));
        Assert.NotEqual(brackets, numbers.Select(other.BracketOf));
        Assert.All(brackets, b => Assert.InRange(b, 0, 2));
        // Budgets 9 : 5 : 3 of 17.
        Assert.InRange(brackets.Count(b => b == 0) / 3400.0, (9 / 17.0) - 0.04, (9 / 17.0) + 0.04);
        Assert.InRange(brackets.Count(b => b == 1) / 3400.0, (5 / 17.0) - 0.04, (5 / 17.0) + 0.04);
        Assert.InRange(brackets.Count(b => b == 2) / 3400.0, (3 / 17.0) - 0.04, (3 / 17.0) + 0.04);
        Assert.Equal(0, new HyperbandPruner(2, 5, 3).BracketOf(123)); // one bracket: every trial is in it
    }

    [Fact]
    public void A_trial_is_judged_at_its_own_brackets_rungs_against_its_own_bracket_only()
    {
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 10, reductionFactor: 3, seed: 3);
        var b0 = InBracket(pruner, 0, 4);
        var b1 = InBracket(pruner, 1, 4);
        // Bracket 0 (rungs at steps 1, 3, 9): three finished trials with 0.5, 0.6, 0.7 at step 1.
        // Bracket 1 (rungs at steps 3, 9): two far better trials, 0.1 and 0.2 at step 1, 0.05 and 0.15 at step 3.
        var history = new StudyHistory(Space, StudyDirection.Minimize,
        [
            Curve(b0[0], TrialState.Completed, 1.0, 0.5, 0.45, 0.40),
            Curve(b0[1], TrialState.Pruned, 1.0, 0.6),
            Curve(b0[2], TrialState.Pruned, 1.0, 0.7),
            Curve(b1[0], TrialState.Completed, 1.0, 0.1, 0.08, 0.05),
            Curve(b1[1], TrialState.Completed, 1.0, 0.2, 0.18, 0.15),
        ]);

        // A bracket-0 trial at step 1: 4 values {0.5, 0.6, 0.7, v} → ⌊4/3⌋ = 1 promoted.
        Assert.False(pruner.ShouldPrune(history, Curve(b0[3], TrialState.Running, 1.0, 0.45))); // best of its bracket
        Assert.True(pruner.ShouldPrune(history, Curve(b0[3], TrialState.Running, 1.0, 0.55)));  // 2nd of 4
        // Plain ASHA over the whole study would prune 0.45 too: bracket 1's 0.1 and 0.2 are better.
        Assert.True(new AshaPruner(1, 3).ShouldPrune(history, Curve(b0[3], TrialState.Running, 1.0, 0.45)));
        Assert.False(pruner.ShouldPrune(history, Curve(b0[3], TrialState.Running, 1.0, 0.45, 9.0))); // step 2: no rung

        // A bracket-1 trial is never judged at step 1, however bad; at step 3 against {0.05, 0.15} of its bracket only.
        Assert.False(pruner.ShouldPrune(history, Curve(b1[2], TrialState.Running, 1.0, 9.0)));
        Assert.True(pruner.ShouldPrune(history, Curve(b1[2], TrialState.Running, 1.0, 9.0, 9.0, 0.3)));   // 3 values → top 1
        Assert.False(pruner.ShouldPrune(history, Curve(b1[2], TrialState.Running, 1.0, 9.0, 9.0, 0.04))); // the new best
    }

    [Fact]
    public void In_a_study_trials_stop_only_at_their_brackets_rungs_and_the_outcome_is_reproducible()
    {
        string Run()
        {
            var pruner = new HyperbandPruner(minResource: 1, maxResource: 9, reductionFactor: 3, seed: 11);
            var study = new Study("hb", Space, new StudyOptions { Strategy = new RandomSearch(), Pruner = pruner, Seed = 11 });
            study.Optimize(
                t =>
                {
                    var x = t.Parameters.Double("x");
                    var value = 0.0;
                    for (var step = 0; step < 10; step++)
                    {
                        value = x + (1.0 / (step + 1));
                        t.Report(step, value);
                        if (t.ShouldPrune())
                        {
                            return value;
                        }
                    }

                    return value;
                },
                trials: 30);
            var rungs = pruner.Brackets.Select(b => Enumerable.Range(0, 3).Select(k => (int)b.RungStep(k)).ToHashSet()).ToArray();
            var pruned = study.Trials.Where(t => t.State == TrialState.Pruned).ToArray();
            Assert.NotEmpty(pruned);
            Assert.All(pruned, t => Assert.Contains(t.LastStep!.Value, rungs[pruner.BracketOf(t.Number)]));
            Assert.Contains(pruned, t => pruner.BracketOf(t.Number) == 0 && t.LastStep == 1);
            Assert.DoesNotContain(study.Trials, t => pruner.BracketOf(t.Number) > 0 && t.State == TrialState.Pruned && t.LastStep == 1);
            return string.Join(";", study.Trials.Select(t => $"{t.Number}:{t.State}:{t.LastStep}"));
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Hyperband_is_created_by_name_with_the_sweeps_epochs_and_seed()
    {
        Assert.Contains("hyperband", Sweep.PrunerNames);
        var pruner = Assert.IsType<HyperbandPruner>(Sweep.CreatePruner("Hyperband", epochs: 9, seed: 4));
        Assert.Equal((1, 9, 3, 4UL), (pruner.MinResource, pruner.MaxResource, pruner.ReductionFactor, pruner.Seed));
        Assert.Equal(10, Assert.IsType<HyperbandPruner>(Sweep.CreatePruner("hyperband")).MaxResource);
        var e = Assert.Throws<DlExtArgumentException>(() => Sweep.CreatePruner("successive-halving"));
        Assert.Contains("none, median, asha, hyperband", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_with_hyperband_prunes_some_trials_and_keeps_their_partial_curves()
    {
        var samples = new SweepSamples();
        var request = samples.Request(trials: 12, epochs: 4, space: SearchSpace.Create().LogUniform("lr", 1e-4, 1.0).Choice("hidden", 4, 16));
        var result = Sweep.Run(request with { Pruner = Sweep.CreatePruner("hyperband", request.Epochs, request.Seed) });

        var pruned = result.Trials.Where(t => t.State == TrialState.Pruned).ToArray();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, t => Assert.Equal(t.EpochsRun, t.Curve.Count));
        Assert.All(pruned, t => Assert.Contains(t.EpochsRun, new[] { 2, 4 })); // epochs are steps 0..3: rungs at steps 1 and 3
    }
}
