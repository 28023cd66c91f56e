using System.Diagnostics;
using System.Globalization;

namespace Interactive.DlExt.Cli.Tests;

/// <summary>dlext as a user installs it: packed as a .NET tool, installed from the packed folder, run by its command name.</summary>
public sealed class PackagingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-tool-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [Trait("Category", "Packaging")]
    public async Task The_packed_tool_installs_and_its_dlext_command_prints_help()
    {
        var packages = Path.Combine(_folder, "packages");
        var tools = Path.Combine(_folder, "tools");
        var version = "0.1.0-test." + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var project = Path.Combine(Repository.Root, "src", "Interactive.DlExt.Cli");

        var pack = await Run("dotnet", Repository.Root, "pack", project, "--no-build", "-c", Repository.Configuration, "-o", packages, "-p:PackageVersion=" + version);
        Assert.True(pack.Code == 0, "dotnet pack failed:\n" + pack.Output);

        // Installed from outside the checkout: its nuget.config maps every package to nuget.org, and NuGet refuses
        // --add-source under a source mapping.
        var install = await Run("dotnet", _folder, "tool", "install", "--tool-path", tools, "--add-source", packages, "Interactive.DlExt.Cli", "--version", version);
        Assert.True(install.Code == 0, "dotnet tool install failed:\n" + install.Output);

        var help = await Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "dlext.exe" : "dlext"), _folder, "--help");
        Assert.True(help.Code == 0, "dlext --help failed:\n" + help.Output);
        Assert.Contains("--sweep-strategy", help.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> Run(string program, string folder, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
