using System.Globalization;
using System.Text.RegularExpressions;

namespace Interactive.DlExt.Cli.Tests;

/// <summary>The dlext command in process, as the README's first command runs it, on the embedded digits.</summary>
public sealed partial class CliProgramTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_main_job_trains_on_the_embedded_digits_printing_each_epoch_then_the_test_metrics_and_the_report()
    {
        var report = Path.Combine(_folder, "report.html");

        var run = await Run("--epochs", "6", "--sweep-trials", "0", "--threads", "2", "--report", report);

        Assert.Equal((0, ""), (run.Code, run.Error));
        var lines = Lines(run.Output);
        Assert.Equal("data: digits (train): 1438 samples of [64], 10 classes; digits (test): 359 samples of [64], 10 classes", lines[0]);
        Assert.Equal("training mlp with adam (η = 0.001), batch 32, 6 epochs, seed 1", lines[1]);
        var epochs = lines.Select(l => EpochLine().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6"], epochs.Select(m => m.Groups["epoch"].Value));
        var losses = epochs.Select(m => Number(m.Groups["loss"].Value)).ToList();
        Assert.True(losses[^1] < losses[0] / 3, $"training loss {losses[0]} → {losses[^1]}");
        Assert.All(epochs, m => Assert.InRange(Number(m.Groups["accuracy"].Value), 0, 100));
        Assert.Contains(lines, l => l.StartsWith("done in ", StringComparison.Ordinal) && l.Contains("completed 6 epochs", StringComparison.Ordinal));
        var test = lines.Select(l => TestLine().Match(l)).Single(m => m.Success);
        Assert.True(Number(test.Groups["accuracy"].Value) >= 90, $"test accuracy {test.Groups["accuracy"].Value} %");
        Assert.Equal($"report: {report}", lines[^1]);
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("<title>dlext: mlp on digits</title>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Equal([report], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task The_printed_numbers_are_the_same_for_one_and_two_threads()
    {
        var one = await Run("--epochs", "3", "--sweep-trials", "0", "--threads", "1", "--report", Path.Combine(_folder, "one.html"));
        var two = await Run("--epochs", "3", "--sweep-trials", "0", "--threads", "2", "--report", Path.Combine(_folder, "two.html"));

        Assert.Equal(WithoutTimesAndPaths(one.Output), WithoutTimesAndPaths(two.Output));
    }

    [Fact]
    public async Task The_sweep_after_training_runs_its_trials_and_names_the_best()
    {
        var run = await Run("--epochs", "1", "--sweep-trials", "3", "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal(0, run.Code);
        Assert.Contains("sweep: 3 TPE trials of 5 epochs over lr in [1e-4, 3e-2] (log) and batch size in {16, 32, 64, 128}", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"sweep 'sweep' \(tpe\): 3 of 3 trials .*best #\d+ validation loss [0-9.]+ \(lr=[0-9.e-]+, batch_size=(16|32|64|128)\)", run.Output);
    }

    [Fact]
    public async Task The_cnn_trains_on_the_digits_too()
    {
        var run = await Run("--model", "cnn", "--epochs", "2", "--sweep-trials", "0", "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal((0, ""), (run.Code, run.Error));
        Assert.Contains("training cnn with adam", run.Output, StringComparison.Ordinal);
        Assert.Matches(TestLine(), run.Output);
    }

    [Fact]
    public async Task A_bad_option_prints_one_clear_line_exits_with_2_and_writes_no_report()
    {
        var report = Path.Combine(_folder, "r.html");

        var run = await Run("--epochs", "0", "--report", report);

        Assert.Equal(CliProgram.BadArguments, run.Code);
        Assert.Equal("", run.Output);
        Assert.Equal(["dlext: --epochs = 0 is not accepted: expected an integer ≥ 1.", "run 'dlext --help' for the options"], Lines(run.Error));
        Assert.False(File.Exists(report));
    }

    [Fact]
    public async Task A_data_folder_without_the_files_is_named_in_the_error()
    {
        var missing = Path.Combine(_folder, "no-such-folder");

        var run = await Run("--data", "fashion-mnist", "--data-dir", missing, "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal(CliProgram.BadArguments, run.Code);
        Assert.StartsWith($"dlext: --data-dir = {missing} is not accepted: expected a folder holding train-images-idx3-ubyte.gz", run.Error, StringComparison.Ordinal);
        Assert.Equal([], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_with_0()
    {
        var run = await Run("--help");

        Assert.Equal((0, ""), (run.Code, run.Error));
        Assert.Equal(CliOptions.Usage + Environment.NewLine, run.Output);
    }

    [Fact]
    public async Task An_interrupted_run_still_evaluates_and_writes_its_report()
    {
        var report = Path.Combine(_folder, "r.html");
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();

        var run = await Run(interrupt.Token, "--epochs", "5", "--report", report);

        Assert.Equal((0, ""), (run.Code, run.Error));
        Assert.Contains("cancelled", run.Output, StringComparison.Ordinal);
        Assert.Matches(TestLine(), run.Output);
        Assert.True(File.Exists(report));
    }

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => Run(CancellationToken.None, args);

    private static async Task<(int Code, string Output, string Error)> Run(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliProgram.RunAsync(args, output, error, rewriteLine: false, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string WithoutTimesAndPaths(string output) =>
        string.Join("\n", Lines(output)
            .Where(l => !l.StartsWith("report: ", StringComparison.Ordinal))
            .Select(l => Seconds().Replace(l, "…s")));

    [GeneratedRegex(@"^epoch +(?<epoch>\d+)/6 \[[#.]{20}\] loss (?<loss>\d+\.\d{4}) val \d+\.\d{4} acc (?<accuracy>\d+\.\d{2}) % lr 1\.0e-03 \d+\.\ds$")]
    private static partial Regex EpochLine();

    [GeneratedRegex(@"digits \(test\): 359 samples, cross-entropy \d+\.\d+, accuracy (?<accuracy>\d+\.\d+) %")]
    private static partial Regex TestLine();

    [GeneratedRegex(@"\d+\.\d+ ?s\b")]
    private static partial Regex Seconds();
}
