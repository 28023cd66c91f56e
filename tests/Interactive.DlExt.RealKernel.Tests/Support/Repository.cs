using System.Diagnostics;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>Paths in the repository and a way to run the dotnet CLI from tests.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The configuration these tests were built in (packing uses the same, so it finds the build up to date).</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; returns (exit code, stdout and stderr).</summary>
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

        KernelEnvironment.Apply(start.Environment, environment);
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

/// <summary>The environment every process these tests start gets: no telemetry, no banners.</summary>
internal static class KernelEnvironment
{
    public static void Apply(IDictionary<string, string?> target, IReadOnlyDictionary<string, string>? extra)
    {
        target["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        target["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        target["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            target[key] = value;
        }
    }
}
