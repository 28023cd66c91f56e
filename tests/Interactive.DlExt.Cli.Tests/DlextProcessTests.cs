using System.Diagnostics;

namespace Interactive.DlExt.Cli.Tests;

/// <summary>The built dlext program as a user starts it: exit codes, where text goes, the report on disk.</summary>
public sealed class DlextProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-process-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_short_run_exits_with_0_prints_progress_and_leaves_the_report_where_it_was_asked()
    {
        var (code, output, error) = await Dlext("--epochs", "2", "--sweep-trials", "0", "--report", "out.html");

        Assert.Equal((0, ""), (code, error));
        Assert.Matches(@"epoch +2/2 \[#{20}\] loss", output);
        Assert.Contains("digits (test): 359 samples", output, StringComparison.Ordinal);
        var report = Path.Combine(_folder, "out.html");
        Assert.EndsWith($"report: {report}", output.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal([report], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_bad_option_exits_with_2_and_explains_itself_on_standard_error()
    {
        var (code, output, error) = await Dlext("--model", "transformer");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(
            "dlext: --model = transformer is not accepted: expected one of mlp, cnn." + Environment.NewLine +
            "run 'dlext --help' for the options" + Environment.NewLine,
            error);
        Assert.Equal([], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_mistyped_option_exits_with_2_and_suggests_the_right_one()
    {
        var (code, output, error) = await Dlext("--epoch", "5");

        Assert.Equal((2, ""), (code, output));
        Assert.StartsWith("dlext: --epoch is not an option of dlext; did you mean --epochs?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_stops_training_writes_a_cancelled_report_and_exits_with_130()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is sent with kill(1)
        }

        var info = Start("--epochs", "500", "--report", "out.html");
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("epoch", StringComparison.Ordinal))
        {
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled", await error, StringComparison.Ordinal);
        Assert.DoesNotContain("sweep", rest, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(_folder, "out.html"));
        Assert.Contains("<title>dlext: mlp on digits (cancelled)</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_stopped_after_3_epochs_and_resumed_to_6_ends_with_the_weights_and_losses_of_an_uninterrupted_run()
    {
        string[] common = ["--sweep-trials", "0", "--threads", "1", "--seed", "3", "--model", "mlp:32", "--checkpoint-every", "2"];
        var whole = await Dlext([.. common, "--epochs", "6", "--checkpoint", "whole"]);
        var first = await Dlext([.. common, "--epochs", "3", "--checkpoint", "parts"]);
        var resumed = await Dlext([.. common, "--epochs", "6", "--checkpoint", "parts", "--resume"]);

        Assert.Equal((0, ""), (whole.Code, whole.Error));
        Assert.Equal((0, ""), (first.Code, first.Error));
        Assert.Equal((0, ""), (resumed.Code, resumed.Error));
        var wholeFile = Path.Combine(_folder, "whole", CheckpointOptions.FileName);
        var partsFile = Path.Combine(_folder, "parts", CheckpointOptions.FileName);
        var wholeWeights = SafeTensors.Load(wholeFile);
        var resumedWeights = SafeTensors.Load(partsFile);
        Assert.Equal(wholeWeights.Keys.Order(), resumedWeights.Keys.Order());
        Assert.All(wholeWeights, w => Assert.Equal(w.Value.Data, resumedWeights[w.Key].Data));
        Assert.Equal(EpochLosses(wholeFile), EpochLosses(partsFile));
        Assert.Equal(6, EpochLosses(partsFile).Count);
        Assert.Single(Lines(resumed.Output, "digits (test):"));
        Assert.Equal(Lines(whole.Output, "digits (test):"), Lines(resumed.Output, "digits (test):"));
    }

    [Fact]
    public async Task Resuming_from_a_corrupt_checkpoint_exits_with_4_naming_the_file()
    {
        string[] common = ["--sweep-trials", "0", "--threads", "1", "--model", "mlp:16", "--epochs", "1", "--checkpoint", "ck"];
        Assert.Equal(0, (await Dlext(common)).Code);
        var file = Path.Combine(_folder, "ck", CheckpointOptions.FileName);
        var bytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, bytes[..^100]);

        var (code, output, error) = await Dlext([.. common, "--resume"]);

        Assert.Equal(4, code);
        Assert.StartsWith($"dlext: '{file}' is not a readable training checkpoint", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("report:", output, StringComparison.Ordinal);
    }

    private static List<string> EpochLosses(string checkpoint)
    {
        using var state = System.Text.Json.JsonDocument.Parse(SafeTensors.LoadMetadata(checkpoint)["dlext.checkpoint"]);
        // Each epoch: [epoch, train loss, train accuracy, validation loss, validation accuracy, learning rate, duration]; all but the duration.
        return state.RootElement.GetProperty("epochs").EnumerateArray()
            .Select(e => string.Join(' ', e.EnumerateArray().Take(6).Select(v => v.ToString()))).ToList();
    }

    private static List<string> Lines(string output, string start) =>
        output.Split('\n').Where(l => l.StartsWith(start, StringComparison.Ordinal)).ToList();

    private ProcessStartInfo Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dlext.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private async Task<(int Code, string Output, string Error)> Dlext(params string[] args)
    {
        var info = Start(args);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
