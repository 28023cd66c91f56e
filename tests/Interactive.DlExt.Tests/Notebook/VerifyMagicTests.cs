using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class VerifyMagicTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-verify-magic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private static RecordingHost Host()
    {
        var host = new RecordingHost();
        Func<Sequential> makeModel = () => new Sequential(new Linear(64, 16), new ReLU(), new Linear(16, 10));
        host.Variables["makeModel"] = makeModel;
        host.Variables["train"] = Datasets.Digits(flatten: true).Subset([.. Enumerable.Range(0, 400)], "digits (400)");
        return host;
    }

    [Fact]
    public async Task Verify_reruns_the_recorded_train_line_and_finds_it_bit_identical()
    {
        var host = Host();
        var manifest = Path("run.json");
        await MagicInvoker.InvokeAsync(host, $"#!train makeModel --data train --epochs 2 --lr 0.01 --seed 3 --threads 1 --quiet --out h --manifest {manifest}", "#!train");

        await MagicInvoker.InvokeAsync(host, $"#!verify {manifest} --out check", "#!verify");

        var comparison = Assert.IsType<ManifestComparison>(host.Variables["check"]);
        Assert.True(comparison.IsIdentical, comparison.ToString());
        Assert.Contains("✓ bit-identical", Html.Render(comparison), StringComparison.Ordinal);
        Assert.True(File.Exists(manifest));
    }

    [Fact]
    public async Task Verify_names_the_first_epoch_and_field_that_differ()
    {
        var host = Host();
        var path = Path("run.json");
        await MagicInvoker.InvokeAsync(host, $"#!train makeModel --data train --epochs 2 --lr 0.01 --seed 3 --threads 1 --quiet --manifest {path}", "#!train");
        var manifest = RunManifest.Load(path);
        (manifest with { Epochs = [manifest.Epochs[0] with { TrainAccuracy = 0.5 }, manifest.Epochs[1]] }).Save(path);

        await MagicInvoker.InvokeAsync(host, $"#!verify {path} --out check", "#!verify");

        var comparison = Assert.IsType<ManifestComparison>(host.Variables["check"]);
        Assert.False(comparison.IsIdentical);
        Assert.Equal((1, "train accuracy"), (comparison.FirstEpoch, comparison.FirstField));
        Assert.Contains("✗ differs: epoch 1: train accuracy", Html.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rerun_drops_files_resume_and_output_and_stays_quiet()
    {
        var line = VerifyMagic.Rerun("#!train model --data train --report r.html --manifest run.json --out h --checkpoint ck --checkpoint-every 2 --resume --lr 0.1");

        Assert.Equal("#!train model --data train --lr 0.1 --quiet --out " + VerifyMagic.RerunVariable, line);
    }

    [Theory]
    [InlineData("missing.json", "cannot be read")]
    [InlineData("cli.json", "dlext verify")]
    public async Task Verify_refuses_a_missing_file_or_a_manifest_of_another_kind(string name, string expected)
    {
        var path = Path(name);
        if (name == "cli.json")
        {
            new RunManifest { Command = "dlext --epochs 2" }.Save(path);
        }

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(Host(), $"#!verify {path}", "#!verify"));

        Assert.Equal("--manifest", e.ParamName);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
