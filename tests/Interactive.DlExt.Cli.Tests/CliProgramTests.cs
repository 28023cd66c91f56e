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
    public async Task The_sweep_after_training_prints_a_line_per_trial_and_names_the_best()
    {
        var run = await Run("--epochs", "1", "--sweep-trials", "3", "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal((0, ""), (run.Code, run.Error));
        Assert.Contains(
            "sweep: 3 tpe trials of 5 epochs with adam, pruner median, over lr in [0.0001, 0.01] (log) and batch size in {16, 32, 64, 128}",
            run.Output, StringComparison.Ordinal);
        var trials = Lines(run.Output).Where(l => l.StartsWith("trial #", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, trials.Count);
        for (var i = 0; i < trials.Count; i++)
        {
            Assert.Matches(
                $@"^trial #\d+ \({i + 1}/3\) lr=[0-9.eE+-]+ batch=(16|32|64|128) (val loss \d+\.\d{{4}} acc \d+\.\d{{2}} %|pruned after \d+ epochs .*)$",
                trials[i]);
        }

        Assert.Matches(@"sweep 'sweep' \(tpe\): 3 of 3 trials .*best #\d+ validation loss [0-9.]+ \(lr=[0-9.e-]+, batch_size=(16|32|64|128)\)", run.Output);
    }

    [Fact]
    public async Task A_sweep_trial_that_fails_is_printed_with_its_reason_and_the_run_goes_on()
    {
        var run = await Run("--epochs", "1", "--sweep-trials", "2", "--sweep-epochs", "1", "--sweep-lr", "1e6..1e7", "--optimizer", "sgd",
            "--sweep-batch-sizes", "64", "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal((0, ""), (run.Code, run.Error));
        var trials = Lines(run.Output).Where(l => l.StartsWith("trial #", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.Matches(@"^trial #\d+ \(\d/2\) lr=[0-9.eE+-]+ batch=64 failed: .*diverged", t));
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

        Assert.Equal(ExitCodes.BadArguments, run.Code);
        Assert.Equal("", run.Output);
        Assert.Equal(["dlext: --epochs = 0 is not accepted: expected an integer ≥ 1.", "run 'dlext --help' for the options"], Lines(run.Error));
        Assert.False(File.Exists(report));
    }

    [Fact]
    public async Task A_report_folder_that_does_not_exist_is_refused_before_training()
    {
        var report = Path.Combine(_folder, "no", "such", "dir", "r.html");

        var run = await Run("--epochs", "50", "--report", report);

        Assert.Equal((ExitCodes.BadArguments, ""), (run.Code, run.Output));
        Assert.StartsWith($"dlext: --report = {report} is not accepted: expected a file in an existing folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_bigger_than_the_training_part_is_refused_after_loading_and_before_training()
    {
        var run = await Run("--batch-size", "100000", "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal(ExitCodes.BadArguments, run.Code);
        Assert.Matches(@"^dlext: --batch-size = 100000 is not accepted: expected at most the \d+ training samples \(after the validation split\)\.", run.Error);
        Assert.DoesNotContain("training mlp", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_data_folder_without_the_files_is_named_in_the_error()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var run = await Run("--data", "fashion-mnist", "--data-dir", empty, "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal(ExitCodes.BadArguments, run.Code);
        Assert.StartsWith($"dlext: --data-dir = {empty} is not accepted: expected a folder holding train-images-idx3-ubyte", run.Error, StringComparison.Ordinal);
        Assert.Equal([], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Data_files_that_are_not_idx_files_exit_with_4_naming_the_file()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
        foreach (var name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
        {
            await File.WriteAllTextAsync(Path.Combine(data, name + ".gz"), "not an IDX file");
        }

        var run = await Run("--data", "mnist", "--data-dir", data, "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal(ExitCodes.BadFile, run.Code);
        Assert.Single(Lines(run.Error));
        Assert.Contains(Path.Combine(data, "train-images-idx3-ubyte"), run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "r.html")));
    }

    [Fact]
    public async Task The_header_writes_a_small_learning_rate_as_papers_do_and_one_epoch_in_the_singular()
    {
        var run = await Run("--lr", "1e-5", "--epochs", "1", "--sweep-trials", "0", "--report", Path.Combine(_folder, "one.html"));

        Assert.Equal(0, run.Code);
        Assert.Equal("training mlp with adam (η = 1e-5), batch 32, 1 epoch, seed 1", Lines(run.Output)[1]);
    }

    [Fact]
    public async Task A_diverging_run_exits_with_6_writes_its_report_and_skips_the_sweep()
    {
        var report = Path.Combine(_folder, "r.html");

        var run = await Run("--optimizer", "sgd", "--lr", "1e6", "--epochs", "3", "--sweep-trials", "2", "--report", report);

        Assert.Equal(ExitCodes.Diverged, run.Code);
        Assert.Matches(@"^dlext: training diverged: the loss (reached \S+|became NaN|became infinite) at step \d+ \(epoch \d+\).* with learning rate 1e6; try a smaller learning rate; the report was written and the sweep skipped", run.Error);
        Assert.DoesNotContain("sweep", run.Output, StringComparison.Ordinal);
        Assert.Contains("<title>dlext: mlp on digits (diverged)</title>", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_after_training_exits_with_5()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        var report = Path.Combine(folder, "r.html");
        using var output = new LineWatcher(line =>
        {
            if (line.StartsWith("epoch", StringComparison.Ordinal) && Directory.Exists(folder))
            {
                Directory.Delete(folder); // the folder goes away while training runs
            }
        });
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var code = await CliProgram.RunAsync(["--epochs", "2", "--sweep-trials", "0", "--report", report], output, error, interactive: false, CancellationToken.None);

        Assert.True(ExitCodes.ReportNotWritten == code, error.ToString());
        Assert.StartsWith($"dlext: the report could not be written to '{report}'", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_every_option_with_its_default_and_the_exit_codes(string flag)
    {
        var run = await Run(flag);

        Assert.Equal((0, ""), (run.Code, run.Error));
        foreach (var option in new[]
                 {
                     "--data", "--data-dir", "--model", "--epochs", "--batch-size", "--lr", "--optimizer", "--val-split", "--early-stop",
                     "--clip-norm", "--clip-value", "--seed", "--threads", "--report", "--sweep-strategy", "--sweep-trials", "--sweep-epochs", "--sweep-pruner", "--sweep-lr",
                     "--sweep-batch-sizes", "--help",
                 })
        {
            Assert.Contains(" " + option + " ", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("[default: 0.001]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[default: 20; 10 for fashion-mnist and mnist]", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Output, StringComparison.Ordinal);
        Assert.All(ExitCodes.All, e => Assert.Contains($"  {e.Code,-5}{e.Meaning}", run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_suggest_directive_completes_option_names_and_values()
    {
        var names = await Run("[suggest:7]", "--optim");
        var values = await Run("[suggest:12]", "--optimizer ");

        Assert.Equal(["--optimizer"], Lines(names.Output));
        Assert.Equal(["adagrad", "adam", "adamw", "momentum", "nesterov", "rmsprop", "sgd"], Lines(values.Output));
    }

    [Fact]
    public async Task A_run_interrupted_before_it_starts_exits_with_130_and_writes_a_cancelled_report()
    {
        var report = Path.Combine(_folder, "r.html");
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();

        var run = await Run(interrupt.Token, "--epochs", "5", "--report", report);

        Assert.Equal(ExitCodes.Cancelled, run.Code);
        Assert.Contains("cancelled", run.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(TestLine(), run.Output);
        Assert.Contains("<title>dlext: mlp on digits (cancelled)</title>", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_during_training_stops_it_within_a_batch_skips_the_sweep_and_exits_with_130()
    {
        var report = Path.Combine(_folder, "r.html");
        using var interrupt = new CancellationTokenSource();
        using var output = new LineWatcher(line =>
        {
            if (Regex.IsMatch(line, @"^epoch +2/"))
            {
                interrupt.Cancel();
            }
        });
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var code = await CliProgram.RunAsync(["--epochs", "50", "--sweep-trials", "3", "--report", report], output, error, interactive: false, interrupt.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        var text = output.ToString();
        Assert.Matches(@"epoch +2/50", text);
        Assert.DoesNotMatch(@"epoch +4/50", text);
        Assert.DoesNotContain("sweep", text, StringComparison.Ordinal);
        Assert.EndsWith($"report: {report}", text.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("<title>dlext: mlp on digits (cancelled)</title>", await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rmsprop", "--momentum", "--momentum = 0.9 is not accepted: expected no value for rmsprop (only momentum and nesterov use momentum).")]
    [InlineData("sgd", "--beta1", "--beta1 = 0.9 is not accepted: expected no value for sgd (only adam and adamw use beta1).")]
    public async Task A_setting_the_optimizer_does_not_take_is_refused_as_in_the_notebook_before_training(string optimizer, string option, string message)
    {
        var report = Path.Combine(Path.GetTempPath(), $"dlext-{Guid.NewGuid():N}.html");

        var run = await Run("--optimizer", optimizer, option, "0.9", "--epochs", "1", "--sweep-trials", "0", "--report", report);

        Assert.Equal(ExitCodes.BadArguments, run.Code);
        Assert.Equal(["dlext: " + message, "run 'dlext --help' for the options"], Lines(run.Error));
        Assert.DoesNotContain("training", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public async Task Rmsprop_takes_its_decay_through_rho()
    {
        var report = Path.Combine(Path.GetTempPath(), $"dlext-{Guid.NewGuid():N}.html");
        try
        {
            var run = await Run("--optimizer", "rmsprop", "--rho", "0.8", "--epochs", "1", "--threads", "1", "--sweep-trials", "0", "--report", report);

            Assert.Equal(ExitCodes.Success, run.Code);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task A_written_model_is_built_for_the_data()
    {
        var run = await Run("--model", "mlp:32,16", "--epochs", "1", "--threads", "1", "--sweep-trials", "0", "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal((ExitCodes.Success, ""), (run.Code, run.Error));
        Assert.Contains("training mlp:32,16 with adam", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mlp:0", "--model = mlp:0 is not accepted: expected " + ModelRecipe.Syntax + ", with 1 to 16 widths from 1 to 65536.")]
    [InlineData("cnn:8,8,8,8", "--model = cnn:8,8,8,8 is not accepted: expected at most 3 convolution layers for 8×8 images (each halves the side).")]
    public async Task A_written_model_that_does_not_fit_is_refused_before_training(string model, string message)
    {
        var run = await Run("--model", model, "--epochs", "1", "--sweep-trials", "0", "--report", Path.Combine(_folder, "r.html"));

        Assert.Equal(ExitCodes.BadArguments, run.Code);
        Assert.Equal("dlext: " + message, Lines(run.Error)[0]);
        Assert.DoesNotContain("training", run.Output, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => Run(CancellationToken.None, args);

    private static async Task<(int Code, string Output, string Error)> Run(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliProgram.RunAsync(args, output, error, interactive: false, cancellationToken);
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
