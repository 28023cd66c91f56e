using Interactive.DlExt.Search;

namespace Interactive.DlExt.Cli.Tests;

public sealed class SweepPlanTests
{
    [Theory]
    [InlineData("sgd", "lr in [0.001, 1] (log)")]
    [InlineData("adagrad", "lr in [0.001, 0.5] (log)")]
    [InlineData("adam", "lr in [0.0001, 0.01] (log)")]
    public void The_learning_rate_range_follows_the_optimizer(string optimizer, string range)
    {
        var options = CliOptions.Parse(["--optimizer", optimizer]);

        Assert.Equal(Optimizers.LearningRateRange(optimizer), options.SweepLearningRatesOrDefault);
        Assert.Contains(range, SweepPlan.Describe(options), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sweep_options_reach_the_request()
    {
        var options = CliOptions.Parse([
            "--optimizer", "sgd", "--sweep-strategy", "random", "--sweep-trials", "5", "--sweep-epochs", "3", "--sweep-pruner", "none",
            "--sweep-lr", "0.01..0.5", "--sweep-batch-sizes", "32,64"]);

        var request = SweepPlan.Create(options, Datasets.Digits(), () => new Sequential(new Linear(64, 10)), _ => { });

        Assert.IsType<RandomSearch>(request.Strategy);
        Assert.Null(request.Pruner);
        Assert.Equal((5, 3, "sgd"), (request.Trials, request.Epochs, request.Optimizer));
        Assert.Equal(
            "sweep: 5 random trials of 3 epochs with sgd, pruner none, over lr in [0.01, 0.5] (log) and batch size in {32, 64}",
            SweepPlan.Describe(options));
    }

    [Fact]
    public void A_hyperband_pruner_gets_the_sweeps_epochs_as_max_resource_and_the_seed()
    {
        var options = CliOptions.Parse(["--sweep-pruner", "hyperband", "--sweep-epochs", "9", "--seed", "4"]);

        var request = SweepPlan.Create(options, Datasets.Digits(), () => new Sequential(new Linear(64, 10)), _ => { });

        var pruner = Assert.IsType<HyperbandPruner>(request.Pruner);
        Assert.Equal((1, 9, 3, 4UL), (pruner.MinResource, pruner.MaxResource, pruner.ReductionFactor, pruner.Seed));
        Assert.Contains("pruner hyperband", SweepPlan.Describe(options), StringComparison.Ordinal);
    }
}
