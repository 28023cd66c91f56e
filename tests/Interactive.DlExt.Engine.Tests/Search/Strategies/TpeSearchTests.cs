using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class TpeSearchTests
{
    [Fact]
    public void The_parzen_density_integrates_to_one_over_its_interval()
    {
        var parzen = new ParzenEstimator([0.1, 0.15, 0.7], 0, 1, priorWeight: 1);
        const int Steps = 20_000;
        var integral = 0.0;
        for (var i = 0; i < Steps; i++)
        {
            integral += Math.Exp(parzen.LogDensity((i + 0.5) / Steps)) / Steps;
        }

        Assert.Equal(1.0, integral, 3);
    }

    [Fact]
    public void The_normal_cdf_matches_tabulated_values()
    {
        Assert.Equal(0.5, Normal.Cdf(0), 7);
        Assert.Equal(0.8413447, Normal.Cdf(1), 6);
        Assert.Equal(0.0227501, Normal.Cdf(-2), 6);
    }

    [Fact]
    public void Model_based_suggestions_stay_valid_for_integer_log_and_conditional_parameters()
    {
        var space = SearchSpace.Create()
            .LogUniform("lr", 1e-4, 1e-1)
            .IntRange("units", 16, 256, step: 16)
            .Choice("optimizer", "sgd", "momentum")
            .Uniform("momentum", 0.8, 0.99, when: ("optimizer", ["momentum"]));
        double Objective(TrialParameters p) => Math.Abs(Math.Log10(p.Double("lr")) + 2) + (p.Int("units") / 256.0);
        var studies = Enumerable.Range(0, 10).Select(seed =>
        {
            var study = new Study("tpe", space, new StudyOptions { Strategy = new TpeSearch(startupTrials: 5), Seed = (ulong)seed });
            study.Optimize(t => Objective(t.Parameters), trials: 30);
            return study;
        }).ToArray();
        Assert.All(studies.SelectMany(s => s.Trials), t =>
        {
            Assert.InRange(t.Parameters.Double("lr"), 1e-4, 1e-1);
            Assert.IsType<int>(t.Parameters.Value("units"));
            Assert.Equal(0, (t.Parameters.Int("units") - 16) % 16);
            Assert.Equal(t.Parameters.String("optimizer") == "momentum", t.Parameters.Has("momentum"));
        });

        // After start-up the model concentrates near the optimum lr = 1e-2 with few units: over ten studies (one study's five
        // start-up trials are too few to compare with; seed 2's happened to average 1.0, its late trials 1.3 with the
        // bandwidths of 2026-12-03 17:00 and 0.88 before), the late trials average well below the random start-up ones (≈ 1.36).
        var late = studies.SelectMany(s => s.Trials.Skip(15)).Average(t => t.Value!.Value);
        var early = studies.SelectMany(s => s.Trials.Take(5)).Average(t => t.Value!.Value);
        Assert.True(late < 0.8 * early, $"late {late}, start-up {early}");
    }

    [Fact]
    public void The_joint_model_keeps_which_learning_rate_went_with_which_optimizer()
    {
        // The best lr is 1e-3 for adam and 1e-1 for sgd, which is 0.3 worse: one density per parameter mixes the two
        // learning rates, the joint one keeps adam with its own.
        var space = SearchSpace.Create().LogUniform("lr", 1e-5, 1).Choice("optimizer", "sgd", "adam");
        double Objective(TrialParameters p) => Math.Pow(Math.Log10(p.Double("lr")) + (p.String("optimizer") == "adam" ? 3 : 1), 2) + (p.String("optimizer") == "adam" ? 0 : 0.3);
        double MedianBest(bool multivariate) => Median(Enumerable.Range(0, 15).Select(seed =>
        {
            var study = new Study("joint", space, new StudyOptions { Strategy = new TpeSearch(startupTrials: 6, multivariate: multivariate) { UnivariateShare = 0 }, Seed = (ulong)seed });
            study.Optimize(t => Objective(t.Parameters), 30);
            return study.BestTrial!.Value!.Value;
        }));

        // The joint density alone (UnivariateShare = 0): with half the candidates drawn per parameter both find adam here
        // and the medians, 0.0037 and 0.0021, differ by noise; the benchmark's mixed space is where the mix was measured
        // (bench/measured/2026-12-03T1000-search-tpe-gp-diagnosis.md: 66 vs 65 of 200 studies on a wrong optimizer).
        var joint = MedianBest(true);
        var separate = MedianBest(false);

        Assert.True(joint < separate, $"joint {joint}, separate {separate}");
    }

    [Fact]
    public void The_joint_density_integrates_to_one_over_a_range_and_a_choice()
    {
        var lr = new FloatParameter("x", 0, 1);
        var choice = new ChoiceParameter("c", ["a", "b", "c"]);
        var observations = new[] { ("a", 0.2), ("a", 0.25), ("c", 0.9) }.Select(o => new TrialParameters([new("x", o.Item2), new("c", o.Item1)])).ToList();
        var joint = new JointParzenEstimator([lr, choice], observations, priorWeight: 1);
        const int Steps = 4_000;

        var integral = 0.0;
        for (var c = 0; c < 3; c++)
        {
            for (var i = 0; i < Steps; i++)
            {
                integral += Math.Exp(joint.LogDensity([(i + 0.5) / Steps, c])) / Steps;
            }
        }

        Assert.Equal(1.0, integral, 3);
    }

    [Fact]
    public void The_joint_bandwidth_is_twelve_hundredths_of_the_range_shrunk_by_scotts_rule()
    {
        var x = new FloatParameter("x", 0, 10);
        var y = new FloatParameter("y", -1, 1);
        var observations = Enumerable.Range(0, 5).Select(i => new TrialParameters([new("x", 2.0 * i), new("y", 0.1 * i)])).ToList();
        var joint = new JointParzenEstimator([x, y], observations, priorWeight: 1);
        var scott = Math.Pow(5, -1.0 / (2 + 4));

        Assert.Equal(0.12 * scott * 10, joint.Bandwidth(0, 0), 12);
        Assert.Equal(0.12 * scott * 2, joint.Bandwidth(3, 1), 12);
        Assert.Equal(10, joint.Bandwidth(5, 0), 12);   // the flat prior: the whole range
        Assert.Equal(JointParzenEstimator.DefaultBandwidthFactor, new TpeSearch().BandwidthFactor);
    }

    [Fact]
    public void A_joint_draw_that_leaves_its_trials_choice_keeps_the_trials_ranges_half_the_time()
    {
        // One observation (x = 0.2, c = a) and the flat prior. A draw of c = b from the observation's component takes x
        // near 0.2 when it keeps the trial's ranges, from the flat prior otherwise.
        var x = new FloatParameter("x", 0, 1);
        var c = new ChoiceParameter("c", ["a", "b"]);
        List<TrialParameters> observations = [new([new("x", 0.2), new("c", "a")])];
        int NearTheTrialWithB(double keep)
        {
            var joint = new JointParzenEstimator([x, c], observations, priorWeight: 1, keepRangesOnSwitch: keep);
            var random = RandomSource.Derive(11, 0);
            return Enumerable.Range(0, 20_000).Select(_ => joint.Sample(random)).Count(d => d[1] == 1 && Math.Abs(d[0] - 0.2) < 0.05);
        }

        var never = NearTheTrialWithB(0);
        var half = NearTheTrialWithB(0.5);
        var always = NearTheTrialWithB(1);

        Assert.True(never < half && half < always, $"{never} {half} {always}");
        Assert.InRange((half - never) / (double)(always - never), 0.35, 0.65);
        Assert.Equal(0.5, new TpeSearch().KeepRangesOnSwitch);
    }

    [Fact]
    public void A_running_trial_counts_as_a_bad_one_for_the_next_suggestion()
    {
        var space = SearchSpace.Create().Uniform("x", 0, 1);
        var completed = Enumerable.Range(0, 10).Select(i => GpSearchTests.Record(i, TrialState.Completed, i / 9.0, Math.Abs((i / 9.0) - 0.3))).ToList();
        var strategy = new TpeSearch(startupTrials: 5, multivariate: false);
        var history = new StudyHistory(space, StudyDirection.Minimize, completed);
        var pending = new StudyHistory(space, StudyDirection.Minimize, completed.Append(GpSearchTests.Record(10, TrialState.Running, 0.3, null)));

        var alone = Enumerable.Range(0, 40).Select(s => strategy.Suggest(history, 11, RandomSource.Derive(7, (ulong)s)).Parameters!.Double("x")).ToList();
        var withPending = Enumerable.Range(0, 40).Select(s => strategy.Suggest(pending, 11, RandomSource.Derive(7, (ulong)s)).Parameters!.Double("x")).ToList();

        // Fewer suggestions land right next to the pending x = 0.3.
        Assert.True(withPending.Count(x => Math.Abs(x - 0.3) < 0.03) < alone.Count(x => Math.Abs(x - 0.3) < 0.03));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [Fact]
    public void Older_observations_fade_beyond_the_25_most_recent()
    {
        Assert.Equal([1, 1, 1], JointParzenEstimator.RecencyWeights(3));
        var weights = JointParzenEstimator.RecencyWeights(35);
        Assert.Equal(1.0 / 35, weights[0], 12);
        Assert.True(weights[5] > weights[4]);
        Assert.All(weights.Skip(10), w => Assert.Equal(1, w));
    }

    [Fact]
    public void Half_the_joint_candidates_recombine_values_of_different_good_trials()
    {
        // Two good trials, (0.15, 0.85) and (0.85, 0.15), crowded by bad ones, and no trial near the corners (0.15, 0.15) and
        // (0.85, 0.85), where each coordinate is a good one: the joint model alone proposes them only through its flat prior.
        var space = SearchSpace.Create().Uniform("x", 0, 1).Uniform("y", 0, 1);
        (double X, double Y, double Value)[] points =
        [
            (0.15, 0.85, 1), (0.85, 0.15, 1.1), (0.25, 0.8, 2), (0.2, 0.72, 2.1), (0.8, 0.25, 2.2), (0.72, 0.2, 2.3), (0.5, 0.5, 2.4),
            (0.55, 0.45, 2.5), (0.45, 0.55, 2.6), (0.35, 0.65, 2.7), (0.65, 0.35, 2.8), (0.5, 0.6, 2.9),
        ];
        var history = new StudyHistory(space, StudyDirection.Minimize, points.Select((p, i) =>
            new TrialRecord(i, TrialState.Completed, new TrialParameters([new("x", p.X), new("y", p.Y)]), p.Value)).ToList());
        int Recombined(TpeSearch tpe) => Enumerable.Range(0, 200).Count(s =>
        {
            var p = tpe.Suggest(history, points.Length, RandomSource.Derive(3, (ulong)s)).Parameters!;
            double x = p.Double("x"), y = p.Double("y");
            return Math.Max(Math.Abs(x - y), Math.Min(Math.Abs(x - 0.15), Math.Abs(x - 0.85))) < 0.15;
        });

        // Optuna's bandwidth factor 0.2: with the default 0.12 neither proposes a corner here (0 of 200 each), since the narrower
        // l(x) near the two good trials outscores the corners, where l is the flat prior's.
        var mixed = Recombined(new TpeSearch(startupTrials: 5, gamma: 0.1) { BandwidthFactor = 0.2 });
        var jointOnly = Recombined(new TpeSearch(startupTrials: 5, gamma: 0.1) { UnivariateShare = 0, BandwidthFactor = 0.2 });

        // Measured: 21 of 200 suggestions near a corner with the per-parameter candidates, 11 without (before the ranges of a
        // draw that switches choice were kept half the time; there is no choice here, so that does not matter).
        Assert.True(mixed > 1.5 * Math.Max(jointOnly, 1), $"recombined: mixed {mixed} of 200, joint only {jointOnly}");
    }
}
