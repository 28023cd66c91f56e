using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class LrFindMagicTests
{
    private static Sequential DigitsMlp() => new(new Linear(64, 64), new ReLU(), new Linear(64, 10));

    [Fact]
    public async Task Lr_find_shows_the_range_test_stores_it_and_leaves_the_weights_as_they_were()
    {
        var host = new RecordingHost();
        var model = DigitsMlp();
        model.Build([64], seed: 5);
        var before = model.Store.Snapshot();
        host.Variables["model"] = model;

        await MagicInvoker.InvokeAsync(host, "#!lr-find model --data digits --optimizer sgd --start 1e-7 --end 10 --steps 100 --batch-size 32 --seed 0 --threads 2 --out lr", "#!lr-find");

        var result = Assert.IsType<LearningRateFinderResult>(Assert.Single(host.Outputs).Last);
        Assert.Same(result, host.Variables["lr"]);
        Assert.Equal("sgd", result.Optimizer);
        Assert.Equal(100, result.PlannedSteps);
        Assert.Equal(1e-7, result.Points[0].LearningRate);
        Assert.Equal(LearningRateFinderResult.SteepestDescentRule, result.SuggestionRule);
        Assert.InRange(result.SuggestedLearningRate, 0.1, 1); // measured: 0.614 (steepest descent), minimum / 10 = 0.156
        Assert.Equal(before.Values, model.Store.Values);
    }

    [Fact]
    public async Task Lr_find_uses_the_default_optimizer_and_steps_of_the_engine()
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp();

        await MagicInvoker.InvokeAsync(host, "#!lr-find model --threads 1 --steps 10", "#!lr-find");

        var result = Assert.IsType<LearningRateFinderResult>(Assert.Single(host.Outputs).Last);
        Assert.Equal(Hyperparameters.DefaultOptimizer, result.Optimizer);
        Assert.Equal(LrFinderOptions.DefaultStartLearningRate, result.StartLearningRate);
        Assert.Equal(LrFinderOptions.DefaultEndLearningRate, result.EndLearningRate);
        Assert.Equal(Hyperparameters.DefaultBatchSize, result.BatchSize);
    }

    [Theory]
    [InlineData("--steps 4", "--steps")]
    [InlineData("--start 0", "--start")]
    [InlineData("--start 1 --end 0.5", "--end")]
    [InlineData("--optimizer lion", "--optimizer")]
    public async Task Bad_lr_find_options_are_refused_under_the_option_typed(string options, string option)
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp();

        var error = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!lr-find model --threads 1 " + options, "#!lr-find"));

        Assert.Equal(option, error.ParamName);
    }
}
