using System.Diagnostics;

namespace Interactive.DlExt.Tests.Support;

/// <summary>Paths in the repository and a way to run its tools from tests (shared with the real-kernel tests).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The configuration the running tests were built in.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> and returns (exit code, stdout and stderr);
    /// fails the test after the timeout.</summary>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start.Environment, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>What every process a test starts gets: no telemetry, no banners, plus <paramref name="extra"/>.</summary>
    public static void SetEnvironment(IDictionary<string, string?> target, IReadOnlyDictionary<string, string>? extra = null)
    {
        target["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        target["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        target["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            target[key] = value;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Interactive.DlExt.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Interactive.DlExt.sln not found above " + AppContext.BaseDirectory);
    }
}
