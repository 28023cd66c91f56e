using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

/// <summary>Training the runs to compare: one per value, the same seed, a fresh optimizer, optional linear lr scaling.</summary>
public sealed class RunComparerTests
{
    private static TrainingOptions Base(double lr = 0.1) => new()
    {
        Epochs = 2, BatchSize = 16, Optimizer = DlExt.Optimizers.Create("sgd", lr), ValidationSplit = 0.2, Seed = 1, Threads = 1,
    };

    [Fact]
    public void Each_batch_size_trains_one_run_with_the_same_seed_and_its_own_steps_per_epoch()
    {
        var comparison = RunComparer.Train(() => TestData.SmallMlp(), TestData.Blobs(), Base(), ComparisonPlan.Parse("batch_size", "16,48"));

        Assert.Equal(["batch 16", "batch 48"], comparison.Runs.Select(r => r.Label));
        Assert.Equal([9, 3], comparison.Runs.Select(r => r.StepsPerEpoch)); // 144 training samples after the 20% split
        Assert.All(comparison.Runs, r => Assert.Equal((1ul, 0.1, 2), (r.Settings.Seed, r.Settings.LearningRate, r.History.Epochs.Count)));
    }

    [Fact]
    public void Linear_scaling_multiplies_the_learning_rate_by_the_batch_over_the_first_batch_and_says_so()
    {
        var plan = ComparisonPlan.Parse("--batch-size", "16,64") with { ScaleLearningRate = true };

        var comparison = RunComparer.Train(() => TestData.SmallMlp(), TestData.Blobs(), Base(0.05), plan);

        Assert.Equal([0.05, 0.2], comparison.Runs.Select(r => r.Settings.LearningRate));
        Assert.Equal(["batch 16, lr 0.05 (scaled)", "batch 64, lr 0.2 (scaled)"], comparison.Runs.Select(r => r.Label));
        Assert.Equal(16, comparison.ReferenceBatchSize);
        Assert.Equal(0.8, plan.ScaledLearningRate(0.1, 128) / 1.0, 12); // 0.1 × 128 / 16
    }

    [Fact]
    public void A_run_of_the_comparison_repeats_a_single_run_with_the_same_settings_bit_for_bit()
    {
        var comparison = RunComparer.Train(() => TestData.SmallMlp(), TestData.Blobs(), Base(), ComparisonPlan.Parse("lr", "0.01,0.4"));
        var options = Base(0.4);
        var model = TestData.SmallMlp();
        var single = Trainer.Fit(model, TestData.Blobs(), options);

        Assert.Equal(["lr 0.01", "lr 0.4"], comparison.Runs.Select(r => r.Label));
        Assert.Equal(single.Steps.Select(s => s.Loss), comparison.Runs[1].History.Steps.Select(s => s.Loss));
    }

    [Fact]
    public void Comparing_optimizers_builds_each_with_its_own_defaults()
    {
        var comparison = RunComparer.Train(() => TestData.SmallMlp(), TestData.Blobs(), Base(0.01), ComparisonPlan.Parse("optimizer", "sgd,momentum,adamw"));

        Assert.Equal(["sgd", "momentum", "adamw, weight decay 0.01"], comparison.Runs.Select(r => r.Label));
        Assert.Equal(0.9, comparison.Runs[1].Settings.OptimizerSettings!.Momentum);
        Assert.Equal(0.01, comparison.Runs[2].Settings.OptimizerSettings!.WeightDecay); // adamw's default, not sgd's 0
    }

    [Fact]
    public void Comparing_momentum_on_an_optimizer_without_it_is_refused_naming_the_option()
    {
        var e = Assert.Throws<DlExtArgumentException>(() =>
            RunComparer.Train(() => TestData.SmallMlp(), TestData.Blobs(), Base(), ComparisonPlan.Parse("--momentum", "0,0.9")));

        Assert.Equal("momentum", e.ParamName);
        Assert.Contains("only momentum and nesterov", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--batch-size", "16..64", "a comma list")]
    [InlineData("--batch-size", "32", "at least two values")]
    [InlineData("--lr", "0.1,-1", "a number > 0")]
    [InlineData("--optimizer", "sgd,bogus", "one of sgd")]
    [InlineData("--threads", "1,2", "a list of values of one of --lr")]
    public void A_plan_refuses_bad_values_naming_the_option_the_value_and_what_is_accepted(string option, string values, string accepted)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => ComparisonPlan.Parse(option, values));

        Assert.Equal(option, e.ParamName);
        Assert.Contains(accepted, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaling_the_learning_rate_without_varying_the_batch_size_is_refused()
    {
        var plan = ComparisonPlan.Parse("lr", "0.01,0.1") with { ScaleLearningRate = true };

        var e = Assert.Throws<DlExtArgumentException>(() => RunComparer.Train(() => TestData.SmallMlp(), TestData.Blobs(), Base(), plan));

        Assert.Equal("scale learning rate", e.ParamName);
    }
}
