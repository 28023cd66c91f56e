using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class ExpectMagicTests
{
    private static (RecordingHost Host, TrainingHistory History) Trained()
    {
        var host = new RecordingHost();
        var history = Trainer.Fit(new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10)), Datasets.Digits(flatten: true),
            new TrainingOptions { Epochs = 3, Seed = 42, Threads = 1, ValidationSplit = 0.2, Optimizer = Optimizers.Create("adam", 0.01) });
        host.Variables["history"] = history;
        return (host, history);
    }

    [Fact]
    public async Task Expect_shows_each_check_as_pass_or_fail_and_records_it_in_the_manifest()
    {
        var (host, history) = Trained();
        var reached = history.Epochs.First(e => e.ValidationAccuracy >= 0.9);

        await MagicInvoker.InvokeAsync(host, "#!expect history --val-accuracy 0.9 --by-epoch 3 --loss-decreases --seed 7 --out checks", "#!expect");

        var report = Assert.IsType<ExpectationReport>(host.Outputs[0].Last);
        Assert.Same(report, host.Variables["checks"]);
        Assert.Equal([true, true, false], report.Results.Select(r => r.Passed));
        Assert.Equal($"{reached.ValidationAccuracy!.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} at epoch {reached.Epoch + 1}", report.Results[0].Detail);
        Assert.Equal("the run used seed 42", report.Results[2].Detail);
        Assert.Equal(report.Results, history.Manifest!.Checks);
        Assert.Contains("\"check\": \"seed 7\"", history.Manifest.ToJson(), StringComparison.Ordinal);
        var html = Html.Render(report);
        Assert.Contains("Checks on history: 2 of 3 passed", html, StringComparison.Ordinal);
        Assert.Contains("✗ fail", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_set_evaluated_twice_fails_touched_once()
    {
        var (train, test) = DataSplit.TrainTest(Datasets.Digits(flatten: true), 0.2, seed: 1);
        var model = new Sequential(new Linear(64, 10));
        Trainer.Fit(model, train, new TrainingOptions { Epochs = 1, Threads = 1 });
        var host = new RecordingHost();
        host.Variables["test"] = test;

        Trainer.Evaluate(model, test, threads: 1);
        await MagicInvoker.InvokeAsync(host, "#!expect test --touched-once", "#!expect");
        Trainer.Evaluate(model, test, threads: 1);
        await MagicInvoker.InvokeAsync(host, "#!expect test --touched-once", "#!expect");

        var once = Assert.IsType<ExpectationReport>(host.Outputs[0].Last);
        var twice = Assert.IsType<ExpectationReport>(host.Outputs[1].Last);
        Assert.True(once.AllPassed);
        Assert.False(twice.AllPassed);
        Assert.StartsWith("2 uses: evaluated as 'digits (test)' ×2", twice.Results[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!expect history", "--target", "names no check")]
    [InlineData("#!expect history --touched-once", "--touched-once", "checks a test Dataset")]
    [InlineData("#!expect history --by-epoch 3", "--by-epoch", "goes with --val-accuracy")]
    [InlineData("#!expect history --val-accuracy 1.5", "--val-accuracy", "a number ≥ 0 and ≤ 1")]
    [InlineData("#!expect nothing --loss-decreases", "--target", "no C# variable named 'nothing'")]
    public async Task Bad_expect_input_names_the_option(string line, string option, string expected)
    {
        var (host, _) = Trained();

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, line, "#!expect"));

        Assert.Equal(option, e.ParamName);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
