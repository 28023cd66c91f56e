using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

/// <summary>The learning-rate range test: its exponential schedule, its smoothing, its stop rule, its suggestion, and that it leaves the model alone.</summary>
public sealed class LearningRateFinderTests
{
    private static Sequential DigitsMlp() => new(new Linear(64, 64), new ReLU(), new Linear(64, 10));

    [Fact]
    public void The_learning_rate_grows_exponentially_from_the_start_to_at_most_the_end()
    {
        var rates = LearningRateFinder.LearningRates(1e-7, 10, 100);

        Assert.Equal(100, rates.Count);
        Assert.Equal(1e-7, rates[0]);
        Assert.True(rates[^1] <= 10 && rates[^1] > 10 * (1 - 1e-12), rates[^1].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        var ratio = Math.Pow(10, 8.0 / 99); // eight decades over 99 steps
        for (var i = 1; i < rates.Count; i++)
        {
            Assert.Equal(ratio, rates[i] / rates[i - 1], 1e-12);
        }
    }

    [Fact]
    public void Each_step_uses_the_planned_rate_and_records_its_loss()
    {
        var result = LearningRateFinder.Run(TestData.SmallMlp(), TestData.Blobs(), new LrFinderOptions { Steps = 20, EndLearningRate = 1e-2, Optimizer = "sgd", Threads = 1 });

        Assert.Equal(LearningRateFinder.LearningRates(1e-7, 1e-2, 20), result.Points.Select(p => p.LearningRate));
        Assert.Equal(Enumerable.Range(0, 20), result.Points.Select(p => p.Step));
        Assert.All(result.Points, p => Assert.True(double.IsFinite(p.Loss) && p.Loss > 0));
    }

    [Fact]
    public void The_smoothed_loss_is_the_bias_corrected_exponential_average_of_the_losses()
    {
        var result = LearningRateFinder.Run(TestData.SmallMlp(), TestData.Blobs(), new LrFinderOptions { Steps = 10, Optimizer = "sgd", Threads = 1, Smoothing = 0.9 });

        double average = 0;
        for (var i = 0; i < result.Points.Count; i++)
        {
            average = (0.9 * average) + (0.1 * result.Points[i].Loss);
            Assert.Equal(average / (1 - Math.Pow(0.9, i + 1)), result.Points[i].SmoothedLoss, 1e-12);
        }

        Assert.Equal(result.Points[0].Loss, result.Points[0].SmoothedLoss, 1e-12); // the correction removes the pull towards 0
    }

    [Fact]
    public void The_weights_and_batch_norm_statistics_are_bit_identical_before_and_after()
    {
        var model = new Sequential(new Linear(64, 32), new BatchNorm1d(32), new ReLU(), new Linear(32, 10));
        var digits = Datasets.Digits(flatten: true);
        model.Build(digits.ItemShape, seed: 3);
        var values = (float[])model.Store.Values.Clone();
        var state = (float[])model.Store.State.Clone();

        LearningRateFinder.Run(model, digits, new LrFinderOptions { Steps = 30, Optimizer = "adam", Threads = 2 });

        Assert.Equal(values, model.Store.Values);
        Assert.Equal(state, model.Store.State);
    }

    [Fact]
    public void An_unbuilt_model_is_built_from_the_seed_and_keeps_its_initial_weights()
    {
        var model = DigitsMlp();
        var digits = Datasets.Digits(flatten: true);

        LearningRateFinder.Run(model, digits, new LrFinderOptions { Steps = 10, Seed = 4, Threads = 1 });

        var fresh = DigitsMlp().Build(digits.ItemShape, seed: 4);
        Assert.Equal(fresh.Store.Values, model.Store.Values);
    }

    [Fact]
    public void Sgd_on_the_digits_suggests_a_rate_between_0_1_and_1_by_steepest_descent()
    {
        // Measured: 0.614 (steepest descent), minimum / 10 = 0.107, no divergence up to 10 in 100 steps.
        var result = LearningRateFinder.Run(DigitsMlp(), Datasets.Digits(flatten: true), new LrFinderOptions { Optimizer = "sgd", Threads = 2 });

        Assert.Equal(LearningRateFinderResult.SteepestDescentRule, result.SuggestionRule);
        Assert.InRange(result.SuggestedLearningRate, 0.1, 1);
        Assert.Equal(result.SteepestLearningRate, result.SuggestedLearningRate);
        Assert.Equal(result.MinimumLearningRate / 10, result.MinimumOverTen);
        Assert.InRange(result.MinimumOverTen, 0.1, 1);
        Assert.False(result.Diverged);
        Assert.Equal(100, result.Points.Count);
    }

    [Fact]
    public void A_loss_that_climbs_past_four_times_its_best_stops_the_test_early()
    {
        // Measured: linear regression with SGD diverges at step 93 of 100 (η ≈ 2.7); the suggestion is 0.0955.
        var result = LearningRateFinder.Run(new Sequential(new Linear(1, 1)), Datasets.LinearRegression(), new LrFinderOptions { Optimizer = "sgd", Threads = 1 });

        Assert.True(result.Diverged);
        Assert.Equal(92, result.DivergedAtStep);
        Assert.Equal(93, result.Points.Count);
        Assert.True(result.Points[^1].SmoothedLoss > 4 * result.Points.Take(92).Min(p => p.SmoothedLoss));
        Assert.StartsWith("diverged at step 93", result.StopMessage, StringComparison.Ordinal);
        Assert.InRange(result.SuggestedLearningRate, 0.01, 0.1);
    }

    [Fact]
    public void Without_a_divergence_factor_every_planned_step_is_taken()
    {
        var result = LearningRateFinder.Run(new Sequential(new Linear(1, 1)), Datasets.LinearRegression(), new LrFinderOptions { Optimizer = "sgd", Threads = 1, DivergenceFactor = null, EndLearningRate = 3 });

        Assert.False(result.Diverged);
        Assert.Equal(100, result.Points.Count);
    }

    [Fact]
    public void Too_few_points_for_a_slope_fall_back_to_the_minimum_over_ten()
    {
        var result = LearningRateFinder.Run(TestData.SmallMlp(), TestData.Blobs(), new LrFinderOptions { Steps = 5, Threads = 1 });

        Assert.Equal(LearningRateFinderResult.MinimumOverTenRule, result.SuggestionRule);
        Assert.Null(result.SteepestLearningRate);
        Assert.Equal(result.MinimumOverTen, result.SuggestedLearningRate);
    }

    [Fact]
    public void A_seeded_test_is_bit_identical_for_one_and_two_threads()
    {
        double[] Losses(int threads) => [.. LearningRateFinder.Run(DigitsMlp(), Datasets.Digits(flatten: true), new LrFinderOptions { Steps = 30, Seed = 2, Threads = threads }).Points.Select(p => p.Loss)];

        Assert.Equal(Losses(1), Losses(2));
    }

    [Fact]
    public void A_test_cancelled_before_its_first_step_throws_and_leaves_the_weights()
    {
        var model = TestData.SmallMlp().Build([2], seed: 1);
        var values = (float[])model.Store.Values.Clone();

        Assert.Throws<OperationCanceledException>(() => LearningRateFinder.Run(model, TestData.Blobs(), new LrFinderOptions { Threads = 1 }, new CancellationToken(canceled: true)));

        Assert.Equal(values, model.Store.Values);
    }

    public static TheoryData<string, Action<LrFinderOptions>, string> BadOptions => new()
    {
        { "start learning rate", o => o.StartLearningRate = 0, "a finite number > 0" },
        { "end learning rate", o => o.EndLearningRate = 1e-8, "a finite number > the start learning rate 1e-7" },
        { "steps", o => o.Steps = 4, "an integer ≥ 5" },
        { "batch size", o => o.BatchSize = 0, "an integer ≥ 1" },
        { "threads", o => o.Threads = 0, "an integer from 1 to 256" },
        { "smoothing", o => o.Smoothing = 1, "a number in [0, 1)" },
        { "divergence factor", o => o.DivergenceFactor = 1, "a finite number > 1, or null to run every step" },
        { "optimizer", o => o.Optimizer = "lion", "one of sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_refused_with_what_is_accepted(string parameter, Action<LrFinderOptions> spoil, string accepted)
    {
        var options = new LrFinderOptions();
        spoil(options);

        var error = Assert.Throws<DlExtArgumentException>(() => LearningRateFinder.Run(TestData.SmallMlp(), TestData.Blobs(), options));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(accepted, error.Accepted);
    }
}
