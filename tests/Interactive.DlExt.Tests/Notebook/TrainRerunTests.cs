using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class TrainRerunTests
{
    private const string Cell = "#!train model --epochs 3 --lr 0.01 --seed 3 --threads 1 --quiet";

    private static Sequential DigitsMlp() => new(new Linear(64, 32), new ReLU(), new Linear(32, 10));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Running_the_same_train_cell_twice_gives_bit_identical_histories_and_weights(bool builtBeforehand)
    {
        var host = new RecordingHost();
        var model = DigitsMlp();
        if (builtBeforehand)
        {
            model.Build([64], seed: 11);
        }

        host.Variables["model"] = model;

        await MagicInvoker.InvokeAsync(host, Cell, "#!train");
        var afterFirst = model.Store.Snapshot();
        await MagicInvoker.InvokeAsync(host, Cell, "#!train");

        Assert.Equal(3, host.Outputs.Count);
        var first = Assert.IsType<TrainingHistory>(host.Outputs[0].Last);
        var status = Assert.IsType<TrainingStatus>(Assert.Single(host.Outputs[1].Values)).Message;
        var second = Assert.IsType<TrainingHistory>(host.Outputs[2].Last);
        Assert.StartsWith("model weights restored to their state before the first #!train", status, StringComparison.Ordinal);
        Assert.Contains("add --continue to keep training", status, StringComparison.Ordinal);
        Assert.Equal(first.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)), second.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)));
        Assert.Equal(first.Steps.Select(s => s.Loss), second.Steps.Select(s => s.Loss));
        Assert.Equal(afterFirst.Values, model.Store.Values);
    }

    [Fact]
    public async Task Continue_keeps_training_from_the_current_weights_and_says_how_many_epochs_came_before()
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp();

        await MagicInvoker.InvokeAsync(host, Cell, "#!train");
        await MagicInvoker.InvokeAsync(host, Cell + " --continue", "#!train");
        await MagicInvoker.InvokeAsync(host, Cell, "#!train");

        var first = Assert.IsType<TrainingHistory>(host.Outputs[0].Last);
        var continuing = Assert.IsType<TrainingStatus>(host.Outputs[1].Last).Message;
        var continued = Assert.IsType<TrainingHistory>(host.Outputs[2].Last);
        Assert.StartsWith("continuing from 3 earlier epochs", continuing, StringComparison.Ordinal);
        Assert.True(continued.Epochs[0].TrainLoss < first.Epochs[0].TrainLoss, $"{continued.Epochs[0].TrainLoss} < {first.Epochs[0].TrainLoss}");
        Assert.True(continued.Epochs[0].TrainLoss < first.Epochs[^1].TrainLoss, "starts below where the first run ended");

        // Without --continue, the weights go back to before the first #!train, not to before the continued run.
        Assert.StartsWith("model weights restored", Assert.IsType<TrainingStatus>(host.Outputs[3].Last).Message, StringComparison.Ordinal);
        var again = Assert.IsType<TrainingHistory>(host.Outputs[4].Last);
        Assert.Equal(first.Steps.Select(s => s.Loss), again.Steps.Select(s => s.Loss));
    }

    [Fact]
    public async Task A_changed_seed_on_a_rerun_trains_as_a_fresh_model_built_with_that_seed()
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp();
        var fresh = new RecordingHost();
        fresh.Variables["model"] = DigitsMlp();

        await MagicInvoker.InvokeAsync(host, Cell, "#!train");
        await MagicInvoker.InvokeAsync(host, Cell.Replace("--seed 3", "--seed 4", StringComparison.Ordinal), "#!train");
        await MagicInvoker.InvokeAsync(fresh, Cell.Replace("--seed 3", "--seed 4", StringComparison.Ordinal), "#!train");

        Assert.Contains("initialised again from --seed 4", Assert.IsType<TrainingStatus>(host.Outputs[1].Last).Message, StringComparison.Ordinal);
        Assert.Equal(
            Assert.IsType<TrainingHistory>(fresh.Outputs[0].Last).Steps.Select(s => s.Loss),
            Assert.IsType<TrainingHistory>(host.Outputs[2].Last).Steps.Select(s => s.Loss));
    }

    [Fact]
    public async Task A_factory_builds_a_fresh_model_each_run_and_nothing_is_restored()
    {
        var host = new RecordingHost();
        host.Variables["make"] = new Func<Sequential>(DigitsMlp);
        var cell = Cell.Replace("model", "make", StringComparison.Ordinal);

        await MagicInvoker.InvokeAsync(host, cell, "#!train");
        await MagicInvoker.InvokeAsync(host, cell + " --continue", "#!train");

        Assert.Equal(2, host.Outputs.Count); // no restore or continue line
        Assert.Equal(
            Assert.IsType<TrainingHistory>(host.Outputs[0].Last).Steps.Select(s => s.Loss),
            Assert.IsType<TrainingHistory>(host.Outputs[1].Last).Steps.Select(s => s.Loss));
    }
}
