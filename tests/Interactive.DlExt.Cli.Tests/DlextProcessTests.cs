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

    private async Task<(int Code, string Output, string Error)> Dlext(params string[] args)
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

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
