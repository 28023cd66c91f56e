using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class HyperparameterOptionsTests
{
    [Fact]
    public void Every_training_option_of_train_shows_its_descriptors_default_and_range()
    {
        foreach (var option in DlExtMagics.Train.Options)
        {
            if (Hyperparameters.Find(option.Name) is not { } h)
            {
                continue;
            }

            Assert.Equal(h.DefaultDisplay, option.Default);
            Assert.Equal((h.Minimum, h.MinimumExclusive, h.Maximum, h.MaximumExclusive), (option.Minimum, option.MinimumExclusive, option.Maximum, option.MaximumExclusive));
        }

        Assert.Equal("0 (0.01 for adamw)", DlExtMagics.Train.Options.Single(o => o.Name == "--weight-decay").Default);
    }

    [Theory]
    [InlineData("--optimizer rmsprop --momentum 0.9", "--momentum = 0.9 is not accepted: expected no value for rmsprop (only momentum and nesterov use momentum).")]
    [InlineData("--optimizer sgd --beta1 0.8", "--beta1 = 0.8 is not accepted: expected no value for sgd (only adam and adamw use beta1).")]
    public async Task Train_refuses_a_setting_its_optimizer_does_not_take_under_the_option_typed(string options, string message)
    {
        var host = new RecordingHost();
        host.Variables["model"] = new Sequential(new Linear(64, 10));

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!train model --epochs 1 --quiet " + options, "#!train"));

        Assert.Equal(message, e.Reason);
    }

    [Fact]
    public async Task Train_gives_rmsprop_its_decay_through_rho()
    {
        async Task<double> FinalLoss(string rho)
        {
            var host = new RecordingHost();
            host.Variables["model"] = new Sequential(new Linear(64, 10));
            await MagicInvoker.InvokeAsync(host, "#!train model --epochs 1 --threads 1 --quiet --optimizer rmsprop --lr 0.01 --out h" + rho, "#!train");
            var history = Assert.IsType<TrainingHistory>(host.Variables["h"]);
            Assert.Equal("rmsprop", history.Settings.Optimizer);
            return history.Steps[^1].Loss;
        }

        Assert.Equal(await FinalLoss(string.Empty), await FinalLoss(" --rho 0.9"));
        Assert.NotEqual(await FinalLoss(string.Empty), await FinalLoss(" --rho 0.5"));
    }

    [Fact]
    public void Sweep_searches_the_training_settings_under_the_descriptors_names()
    {
        var spaces = DlExtMagics.Sweep.Options.Where(o => o.Kind == MagicOptionKind.Space && Hyperparameters.Find(o.Name) is not null).Select(o => o.Name);

        Assert.Equal(["--lr", "--batch-size", "--optimizer", "--momentum", "--weight-decay", "--l1", "--l2"], spaces);
    }

    [Fact]
    public async Task Train_clips_the_gradients_by_norm_and_by_value_as_typed()
    {
        var host = new RecordingHost();
        host.Variables["model"] = new Sequential(new Linear(64, 10));

        await MagicInvoker.InvokeAsync(host, "#!train model --epochs 1 --threads 1 --quiet --clip-norm 0.5 --clip-value 0.01 --out h", "#!train");

        var history = Assert.IsType<TrainingHistory>(host.Variables["h"]);
        Assert.Equal(0.5, history.Settings.ClipNorm);
        Assert.Equal(0.01, history.Settings.ClipValue);
        Assert.All(history.Steps, s => Assert.True(s.GradientNorm > 0));
    }

    [Theory]
    [InlineData("--clip-norm", "0")]
    [InlineData("--clip-norm", "-1")]
    [InlineData("--clip-value", "0")]
    [InlineData("--clip-value", "-0.5")]
    public async Task Train_refuses_a_clip_threshold_that_is_not_positive_with_the_descriptors_range(string option, string value)
    {
        var host = new RecordingHost();
        host.Variables["model"] = new Sequential(new Linear(64, 10));

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, $"#!train model --epochs 1 --quiet {option} {value}", "#!train"));

        Assert.Equal(option, e.ParamName);
        Assert.StartsWith(Hyperparameters.Find(option)!.Accepted, e.Accepted, StringComparison.Ordinal);
    }
}
