using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class TrainCheckpointMagicTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-checkpoint-").FullName;

    private static Sequential DigitsMlp(int hidden = 32) => new(new Linear(64, hidden), new ReLU(), new Dropout(0.2), new Linear(hidden, 10));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Train_with_checkpoint_then_resume_on_digits_ends_with_the_bits_of_one_uninterrupted_run()
    {
        var whole = new RecordingHost();
        whole.Variables["model"] = DigitsMlp();
        await MagicInvoker.InvokeAsync(whole, Format(4, Path.Combine(_folder, "whole")), "#!train");
        var uninterrupted = Assert.IsType<TrainingHistory>(whole.Outputs[^1].Last);

        var parts = new RecordingHost();
        parts.Variables["model"] = DigitsMlp();
        var folder = Path.Combine(_folder, "parts");
        await MagicInvoker.InvokeAsync(parts, Format(2, folder), "#!train"); // stopped after 2 epochs, checkpoint written
        var next = new RecordingHost();
        next.Variables["model"] = DigitsMlp(); // a new kernel: nothing in memory but the checkpoint
        await MagicInvoker.InvokeAsync(next, Format(4, folder) + " --resume", "#!train");
        var resumed = Assert.IsType<TrainingHistory>(next.Outputs[^1].Last);

        Assert.True(File.Exists(Path.Combine(folder, CheckpointOptions.FileName)));
        Assert.Equal(4, resumed.Epochs.Count);
        Assert.Equal(uninterrupted.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss, e.ValidationAccuracy)),
            resumed.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss, e.ValidationAccuracy)));
        Assert.Equal(uninterrupted.Steps.Select(s => s.Loss), resumed.Steps.Select(s => s.Loss));
        Assert.Equal(((Sequential)whole.Variables["model"]).Store.Values, ((Sequential)next.Variables["model"]).Store.Values);
    }

    [Fact]
    public async Task Resume_without_checkpoint_is_refused_naming_the_option()
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp();

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!train model --epochs 1 --resume", "#!train"));

        Assert.Equal("--resume", e.ParamName);
        Assert.Contains("needs --checkpoint DIR", e.Message);
    }

    [Fact]
    public async Task Resume_from_another_models_checkpoint_is_refused_with_the_difference()
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp(hidden: 32);
        await MagicInvoker.InvokeAsync(host, Format(1, _folder), "#!train");
        host.Variables["model"] = DigitsMlp(hidden: 16);

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, Format(2, _folder) + " --resume", "#!train"));

        Assert.Contains(CheckpointOptions.FileName, e.Message);
        Assert.Contains("parameter 0.weight is [32, 64] in the checkpoint but [16, 64] in this run", e.Message);
    }

    private static string Format(int epochs, string folder) =>
        $"#!train model --data digits --epochs {epochs} --lr 0.01 --seed 4 --threads 1 --quiet --checkpoint \"{folder}\" --checkpoint-every 2";
}
