using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>
/// Starts dotnet-repl (the served headless notebook runner) on one notebook:
/// <c>dotnet-repl --run NB --exit-after-run --output-path OUT --log-path LOGS</c>, in the notebook's own folder (dotnet-repl
/// 0.3.259's <c>--working-dir</c> does not change the C# kernel's current directory, so the process starts there), under
/// a time limit that kills the whole process tree. Found as a local tool (a <c>.config/dotnet-tools.json</c> above the
/// working folder or above dlext itself, copied beside each run so that <c>dotnet tool run</c> finds it there) or as a
/// global tool on the PATH.
/// </summary>
internal sealed class NotebookRunner
{
    private const string ToolName = "dotnet-repl";
    private readonly string? _toolManifest;
    private readonly string? _globalTool;

    private NotebookRunner(string? toolManifest, string? globalTool)
    {
        _toolManifest = toolManifest;
        _globalTool = globalTool;
    }

    /// <summary>Where the tool comes from, in words.</summary>
    public string Description => _toolManifest is not null ? $"{ToolName} from {_toolManifest}" : $"{ToolName} at {_globalTool}";

    /// <summary>Finds dotnet-repl and checks that it starts.</summary>
    /// <exception cref="RunnerMissingException">It is not installed or not restored.</exception>
    public static async Task<NotebookRunner> LocateAsync(CancellationToken cancellationToken)
    {
        var manifest = FindManifest(Environment.CurrentDirectory) ?? FindManifest(AppContext.BaseDirectory);
        var runner = manifest is not null ? new NotebookRunner(manifest, null)
            : FindOnPath() is { } global ? new NotebookRunner(null, global)
            : throw new RunnerMissingException($"dlext grade runs each notebook with {RunnerMissingException.Tool}, which was not found: {RunnerMissingException.Remedy}.");

        var probe = Directory.CreateTempSubdirectory("dlext-grade-probe-").FullName;
        try
        {
            var result = await runner.RunAsync(probe, probe, ["--version"], TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new RunnerMissingException($"dlext grade runs each notebook with {RunnerMissingException.Tool}, which did not start ({runner.Description}: " +
                    $"{(result.TimedOut ? "no answer within 2 minutes" : "exit code " + result.ExitCode + ", " + OneLine(result.ErrorTail))}): {RunnerMissingException.Remedy}.");
            }
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }

        return runner;
    }

    /// <summary>Runs <paramref name="notebook"/> (a path relative to <paramref name="workFolder"/>, its current directory) and
    /// writes the executed notebook to <paramref name="executed"/> and dotnet-repl's log into <paramref name="logFolder"/>;
    /// <paramref name="scratch"/> is a folder above <paramref name="workFolder"/> that receives the tool manifest.</summary>
    public Task<RunnerResult> RunNotebookAsync(string scratch, string workFolder, string notebook, string executed, string logFolder, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(scratch, workFolder, ["--run", notebook, "--exit-after-run", "--output-format", "ipynb", "--output-path", executed, "--log-path", logFolder], timeout, cancellationToken);

    private async Task<RunnerResult> RunAsync(string scratch, string workFolder, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ProcessStartInfo start;
        if (_toolManifest is not null)
        {
            // dotnet tool run looks for the manifest from the current directory up: one above the run's folder.
            var config = Path.Combine(scratch, ".config");
            Directory.CreateDirectory(config);
            File.Copy(_toolManifest, Path.Combine(config, "dotnet-tools.json"), overwrite: true);
            start = new ProcessStartInfo("dotnet") { ArgumentList = { "tool", "run", ToolName, "--" } };
        }
        else
        {
            start = new ProcessStartInfo(_globalTool!);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = workFolder;
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await output.ConfigureAwait(false);
        var tail = string.Join('\n', (await error.ConfigureAwait(false)).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
        cancellationToken.ThrowIfCancellationRequested();
        return new RunnerResult(timedOut ? -1 : process.ExitCode, timedOut, clock.Elapsed, tail);
    }

    private static string? FindManifest(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, ".config", "dotnet-tools.json"), Path.Combine(dir.FullName, "dotnet-tools.json") })
            {
                if (File.Exists(candidate) && ListsTool(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool ListsTool(string manifest)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(manifest))?["tools"] is JsonObject tools && tools.Any(t => t.Key.Equals(ToolName, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string? FindOnPath()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        var names = OperatingSystem.IsWindows() ? new[] { ToolName + ".exe" } : [ToolName];
        return folders.SelectMany(f => names.Select(n => Path.Combine(f, n))).FirstOrDefault(File.Exists);
    }

    private static string OneLine(string text) => text.Length == 0 ? "nothing on standard error" : text.ReplaceLineEndings(" ");
}
