using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class DropLastMagicTests
{
    private static Sequential DigitsMlp() => new(new Linear(64, 16), new ReLU(), new Linear(16, 10));

    [Fact]
    public async Task Train_with_drop_last_skips_the_short_last_batch_of_every_epoch()
    {
        var host = new RecordingHost();
        host.Variables["whole"] = DigitsMlp();
        host.Variables["dropped"] = DigitsMlp();

        await MagicInvoker.InvokeAsync(host, "#!train whole --epochs 2 --batch-size 100 --seed 1 --threads 1 --quiet", "#!train");
        await MagicInvoker.InvokeAsync(host, "#!train dropped --epochs 2 --batch-size 100 --seed 1 --threads 1 --quiet --drop-last", "#!train");

        var whole = Assert.IsType<TrainingHistory>(host.Outputs[0].Last);
        var dropped = Assert.IsType<TrainingHistory>(host.Outputs[1].Last);
        var samples = Datasets.Digits(flatten: true).Count - DataSplit.HeldOutCount(Datasets.Digits(flatten: true).Count, 0.1);
        Assert.NotEqual(0, samples % 100); // the case the flag is for
        Assert.Equal((samples + 99) / 100, whole.Settings.StepsPerEpoch);
        Assert.Equal(samples / 100, dropped.Settings.StepsPerEpoch);
        Assert.Equal(2 * (samples / 100), dropped.Steps.Count);
    }

    [Fact]
    public async Task Compare_with_drop_last_drops_the_short_batch_in_every_run()
    {
        var host = new RecordingHost();
        host.Variables["model"] = DigitsMlp();

        await MagicInvoker.InvokeAsync(host, "#!compare model --epochs 1 --batch-size 100,200 --seed 1 --threads 1 --quiet --drop-last", "#!compare");

        var comparison = Assert.IsType<RunComparison>(host.Outputs[^1].Last);
        var samples = Datasets.Digits(flatten: true).Count - DataSplit.HeldOutCount(Datasets.Digits(flatten: true).Count, 0.1);
        Assert.Equal([samples / 100, samples / 200], comparison.Runs.Select(r => r.History.Settings.StepsPerEpoch));
    }

    [Fact]
    public void The_help_of_train_and_compare_explains_drop_last_in_the_same_words()
    {
        var train = DlExtMagics.Train.Find("--drop-last")!;
        var compare = DlExtMagics.Compare.Find("--drop-last")!;

        Assert.Equal(MagicOptionKind.Flag, train.Kind);
        Assert.Equal(train.Description, compare.Description);
        Assert.Contains("drop_last", train.Description, StringComparison.Ordinal);
    }
}
