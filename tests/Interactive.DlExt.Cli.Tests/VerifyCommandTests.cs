using System.Globalization;

namespace Interactive.DlExt.Cli.Tests;

/// <summary>dlext --manifest and dlext verify in process, on the embedded digits.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-verify-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Manifest => Path.Combine(_folder, "run.json");

    private async Task<RunManifest> WriteManifest()
    {
        var run = await Run("--epochs", "2", "--sweep-trials", "0", "--threads", "2", "--lr", "0.003", "--report", Path.Combine(_folder, "report.html"), "--manifest", Manifest);
        Assert.Equal((0, ""), (run.Code, run.Error));
        Assert.Contains($"manifest: {Manifest}", run.Output, StringComparison.Ordinal);
        return RunManifest.Load(Manifest);
    }

    [Fact]
    public async Task The_main_job_writes_a_manifest_with_its_command_line_and_verify_finds_the_rerun_bit_identical()
    {
        var manifest = await WriteManifest();

        var verify = await Run("verify", Manifest);

        Assert.Equal($"dlext --epochs 2 --sweep-trials 0 --threads 2 --lr 0.003 --report {Path.Combine(_folder, "report.html")} --manifest {Manifest}", manifest.Command);
        Assert.Equal(2, manifest.Epochs.Count);
        Assert.Equal("0.003", manifest.Hyperparameters["learning rate"]);
        Assert.Equal((0, ""), (verify.Code, verify.Error));
        Assert.Contains($"verify: bit-identical: 2 epochs (digest {manifest.EpochsSha256[..12]}…)", verify.Output, StringComparison.Ordinal);
        Assert.Contains($"match {Manifest}", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_whose_numbers_differ_names_the_first_epoch_and_field_and_exits_7()
    {
        var manifest = await WriteManifest();
        var changed = manifest with { Epochs = [manifest.Epochs[0], manifest.Epochs[1] with { ValidationLoss = manifest.Epochs[1].ValidationLoss + 1e-9 }] };
        changed.Save(Manifest);

        var verify = await Run("verify", Manifest);

        Assert.Equal(ExitCodes.NotReproduced, verify.Code);
        Assert.StartsWith($"dlext verify: the re-run differs from {Manifest}: epoch 2: validation loss is "
            + manifest.Epochs[1].ValidationLoss!.Value.ToString("R", CultureInfo.InvariantCulture), verify.Error, StringComparison.Ordinal);
        Assert.Contains("likely cause: nothing recorded differs", verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_from_another_package_version_is_named_as_the_likely_cause()
    {
        var manifest = await WriteManifest();
        (manifest with
        {
            Environment = manifest.Environment with { Package = "0.0.9" },
            Epochs = [manifest.Epochs[0] with { TrainLoss = manifest.Epochs[0].TrainLoss * 1.01 }, manifest.Epochs[1]],
        }).Save(Manifest);

        var verify = await Run("verify", Manifest);

        Assert.Equal(ExitCodes.NotReproduced, verify.Code);
        Assert.Contains("epoch 1: train loss is", verify.Error, StringComparison.Ordinal);
        Assert.Contains($"another package version ({manifest.Environment.Package} here, 0.0.9 in the manifest)", verify.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", 4, "is not a run manifest: not JSON")]
    [InlineData("{\"format\": 2}", 4, "manifest of format 2")]
    public async Task A_file_that_is_not_a_manifest_is_refused_with_exit_4(string content, int code, string expected)
    {
        await File.WriteAllTextAsync(Manifest, content);

        var verify = await Run("verify", Manifest);

        Assert.Equal(code, verify.Code);
        Assert.Contains(expected, verify.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "verify = nothing is not accepted: expected one manifest file: dlext verify run.json.")]
    [InlineData(new[] { "a.json", "b.json" }, "verify = a.json b.json is not accepted")]
    public async Task Verify_takes_exactly_one_manifest(string[] rest, string expected)
    {
        var verify = await Run([VerifyCommand.Name, .. rest]);

        Assert.Equal(ExitCodes.BadArguments, verify.Code);
        Assert.Contains(expected, verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_line_with_spaces_and_quotes_survives_joining_and_splitting()
    {
        string[] args = ["--report", "my folder/r.html", "--data-dir", "a\"b\\c", "--lr", "0.1"];

        var line = CommandLineText.Join(args);

        Assert.Equal("dlext --report \"my folder/r.html\" --data-dir \"a\\\"b\\\\c\" --lr 0.1", line);
        Assert.Equal(args, CommandLineText.Split(line, "run.json"));
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliProgram.RunAsync(args, output, error, interactive: false, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
