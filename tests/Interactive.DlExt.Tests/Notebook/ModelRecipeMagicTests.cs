using Interactive.DlExt.Notebook;
using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class ModelRecipeMagicTests
{
    [Fact]
    public async Task Train_builds_a_written_mlp_for_the_data_and_stores_it()
    {
        var host = new RecordingHost();

        await MagicInvoker.InvokeAsync(host, "#!train mlp:32,16 --data digits --epochs 2 --lr 0.01 --threads 1 --quiet --out h", "#!train");

        var history = Assert.IsType<TrainingHistory>(host.Variables["h"]);
        var model = Assert.IsType<Sequential>(host.Variables["hModel"]);
        Assert.Equal("Linear(64 → 32) → ReLU → Linear(32 → 16) → ReLU → Linear(16 → 10)", string.Join(" → ", model.Layers.Select(l => l.Describe())));
        Assert.Equal(2, history.Epochs.Count);
        Assert.True(history.Epochs[^1].ValidationAccuracy > 0.8, history.ToString());
    }

    [Fact]
    public async Task Train_builds_a_written_cnn_on_the_digit_images()
    {
        var host = new RecordingHost();

        await MagicInvoker.InvokeAsync(host, "#!train cnn:8 --data digits --epochs 1 --threads 1 --quiet --out h", "#!train");

        var model = Assert.IsType<Sequential>(host.Variables["hModel"]);
        Assert.IsType<Conv2d>(model.Layers[0]);
        Assert.Single(Assert.IsType<TrainingHistory>(host.Variables["h"]).Epochs);
    }

    [Theory]
    [InlineData("#!train rnn:4 --quiet", "--model = rnn:4 is not accepted: expected the name of a C# variable holding a model or a factory, or " + ModelRecipe.Syntax + ".")]
    [InlineData("#!train mlp:0 --quiet", "--model = mlp:0 is not accepted: expected " + ModelRecipe.Syntax + ", with 1 to 16 widths from 1 to 65536.")]
    [InlineData("#!train cnn:8,8,8,8 --quiet", "--model = cnn:8,8,8,8 is not accepted: expected at most 3 convolution layers for 8×8 images (each halves the side).")]
    public async Task A_recipe_that_does_not_fit_is_refused_under_model(string cell, string message)
    {
        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(new RecordingHost(), cell, "#!train"));

        Assert.Equal(message, e.Reason);
    }

    [Fact]
    public async Task Sweep_trains_a_fresh_written_model_per_trial()
    {
        var host = new RecordingHost();

        await MagicInvoker.InvokeAsync(host, "#!sweep mlp:16 --data digits --lr 0.01,0.1 --strategy grid --trials 2 --epochs 1 --quiet --out s", "#!sweep");

        var result = Assert.IsType<SweepResult>(host.Variables["s"]);
        Assert.Equal(2, result.Count(TrialState.Completed));
    }
}
