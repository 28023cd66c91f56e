using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class MagicInvokerTests
{
    private static Sequential DigitsMlp() => new(new Linear(64, 32), new ReLU(), new Linear(32, 10));

    [Fact]
    public async Task Train_shows_a_live_history_then_the_final_one_and_stores_it()
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp();

        await MagicInvoker.InvokeAsync(host, "#!train model --data digits --epochs 3 --lr 0.01 --seed 2 --out history", "#!train");

        var output = Assert.Single(host.Outputs);
        Assert.IsType<TrainingStatus>(output.Values[0]);
        var history = Assert.IsType<TrainingHistory>(output.Last);
        Assert.True(history.IsComplete);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Same(history, host.Variables["history"]);
        Assert.Same(host.Variables["model"], host.Variables["historyModel"]); // the trained model, by the documented name
        Assert.Equal(0.01, history.Settings.LearningRate);
        Assert.Equal(2UL, history.Settings.Seed);
        Assert.True(history.Settings.ValidationCount > 0); // the default 10 % validation split
    }

    [Fact]
    public async Task Train_accepts_a_model_factory_and_data_from_a_variable()
    {
        var host = new RecordingHost();
        var calls = 0;
        host.Variables["make"] = new Func<Sequential>(() => { calls++; return DigitsMlp(); });
        host.Variables["train"] = Datasets.Digits(flatten: true);

        await MagicInvoker.InvokeAsync(host, "#!train make --data train --epochs 1 --optimizer sgd --lr 0.1 --quiet", "#!train");

        Assert.Equal(1, calls);
        var history = Assert.IsType<TrainingHistory>(host.Outputs[0].Last);
        Assert.False(host.Variables.ContainsKey("historyModel")); // no --out, nothing stored
        Assert.Equal("sgd", history.Settings.Optimizer);
        Assert.Equal(2, host.Outputs[0].Values.Count); // quiet: the status, then only the final history
    }

    [Fact]
    public async Task Train_applies_optimizer_schedule_and_early_stopping_options()
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp();

        await MagicInvoker.InvokeAsync(host, "#!train model --epochs 4 --optimizer momentum --momentum 0.8 --lr 0.05 --schedule step:size=2,gamma=0.5 --early-stop 10", "#!train");

        var history = Assert.IsType<TrainingHistory>(host.Outputs[0].Last);
        Assert.Equal("momentum", history.Settings.Optimizer);
        Assert.Equal(0.05, history.Steps[0].LearningRate, 12);
        Assert.Equal(0.025, history.Steps[^1].LearningRate, 12);
    }

    [Fact]
    public async Task A_missing_variable_says_that_variables_below_the_magic_are_not_visible_yet()
    {
        var host = new RecordingHost();

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!train model --epochs 1", "#!train"));

        Assert.Contains("no C# variable named 'model'", e.Reason, StringComparison.Ordinal);
        Assert.Contains("magic runs first", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variable_of_the_wrong_type_is_named_with_its_type()
    {
        var host = new RecordingHost();
        host.Variables["model"] = 42;

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!train model", "#!train"));

        Assert.Contains("it holds a Int32", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupting_the_cell_stops_training_within_a_batch_and_keeps_the_partial_history()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var host = new RecordingHost(cts.Token);
        host.Variables["model"] = DigitsMlp();

        await MagicInvoker.InvokeAsync(host, "#!train model --epochs 50", "#!train");

        var history = Assert.IsType<TrainingHistory>(host.Outputs[0].Last);
        Assert.Equal(StopReason.Cancelled, history.StopReason);
        Assert.Empty(history.Steps);
    }

    [Fact]
    public async Task Evaluate_shows_metrics_and_stores_the_result()
    {
        var host = new RecordingHost();
        var data = Datasets.Digits(flatten: true);
        var (train, test) = DataSplit.Split(data, 0.2, 1);
        var model = DigitsMlp();
        Trainer.Fit(model, train, new TrainingOptions { Epochs = 5, Optimizer = new Adam(0.01) });
        host.Variables["model"] = model;
        host.Variables["test"] = test;

        await MagicInvoker.InvokeAsync(host, "#!evaluate model --data test --out result", "#!evaluate");

        var result = Assert.IsType<EvaluationResult>(host.Outputs[0].Last);
        Assert.Same(result, host.Variables["result"]);
        Assert.Equal(test.Count, result.Count);
        Assert.True(result.Accuracy > 0.85);
    }

    [Fact]
    public async Task Dlext_lists_every_magic_with_options_defaults_examples_and_versions()
    {
        var host = new RecordingHost();

        await MagicInvoker.InvokeAsync(host, "#!dlext", "#!dlext");

        var help = Assert.IsType<MagicHelp>(host.Outputs[0].Last);
        var text = help.ToString();
        Assert.Contains("#!train", text, StringComparison.Ordinal);
        Assert.Contains("--batch-size", text, StringComparison.Ordinal);
        Assert.Contains("(default 32)", text, StringComparison.Ordinal);
        Assert.Contains("example: #!evaluate model --data test", text, StringComparison.Ordinal);
        Assert.Contains("1.0.0-beta.26120.1", text, StringComparison.Ordinal);
        Assert.Matches(@"Interactive\.DlExt \d+\.\d+\.\d+", text);
    }

    [Fact]
    public async Task An_unknown_magic_lists_the_known_ones()
    {
        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(new RecordingHost(), "#!trian", "#!trian"));

        Assert.Contains("#!train, #!lr-find, #!sweep, #!evaluate, #!schedules, #!compare, #!dlext", e.Reason, StringComparison.Ordinal);
    }
}
