using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>
/// The served notebook kernel (<c>dotnet interactive stdio</c>, the tool in .config/dotnet-tools.json) driven as a
/// notebook front end drives it: one JSON command envelope per line in, one event envelope per line out.
/// </summary>
public sealed class StdioKernel : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly ConcurrentDictionary<string, Channel<KernelEvent>> _listeners = new();
    private readonly Channel<KernelEvent> _unrouted = Channel.CreateUnbounded<KernelEvent>();
    private readonly Task _reader;
    private int _next;

    private StdioKernel(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>How long the kernel took from process start to KernelReady.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Starts a kernel in <paramref name="workingDirectory"/> that restores into the build's fresh packages folder.</summary>
    public static async Task<StdioKernel> StartAsync(PackedBuild build, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // As a user starts it; the local tool is found from the working directory, which must be inside the repository.
        foreach (var argument in new[] { "interactive", "stdio", "--default-kernel", "csharp" })
        {
            start.ArgumentList.Add(argument);
        }

        Repository.SetEnvironment(start.Environment, new Dictionary<string, string> { ["NUGET_PACKAGES"] = build.PackagesFolder });
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet-interactive");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var kernel = new StdioKernel(process);
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        try
        {
            while (true)
            {
                var e = await kernel._unrouted.Reader.ReadAsync(timeout.Token);
                if (e.Type == "KernelReady")
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            await kernel.DisposeAsync();
            Assert.Fail($"The notebook kernel (dotnet interactive stdio, in {workingDirectory}) did not report KernelReady within {ReadyTimeout.TotalSeconds} s. " +
                "It comes from .config/dotnet-tools.json: run `dotnet tool restore` (Microsoft.dotnet-interactive 1.0.712001).");
        }

        kernel.StartTime = clock.Elapsed;
        return kernel;
    }

    /// <summary>Runs a cell to completion (or fails the test after <paramref name="timeout"/>).</summary>
    public async Task<CellResult> SubmitAsync(string code, TimeSpan? timeout = null)
    {
        var (token, events) = Send("SubmitCode", new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" });
        return await CollectAsync(code, token, events, timeout ?? TimeSpan.FromMinutes(5), _ => { });
    }

    /// <summary>Runs a cell and sends Cancel once <paramref name="cancelWhen"/> first holds for an event of it.</summary>
    public async Task<(CellResult Result, DateTime CancelledUtc)> SubmitAndCancelAsync(string code, Func<KernelEvent, bool> cancelWhen)
    {
        var (token, events) = Send("SubmitCode", new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" });
        var cancelled = DateTime.MinValue;
        var result = await CollectAsync(code, token, events, TimeSpan.FromMinutes(5), e =>
        {
            if (cancelled == DateTime.MinValue && cancelWhen(e))
            {
                cancelled = DateTime.UtcNow;
                Send("Cancel", new JsonObject());
            }
        });
        return (result, cancelled);
    }

    /// <summary>The completion items the kernel offers at the end of <paramref name="code"/> (one line).</summary>
    public async Task<IReadOnlyList<(string Text, string? Documentation)>> CompletionsAsync(string code)
    {
        var (token, events) = Send("RequestCompletions", new JsonObject
        {
            ["code"] = code, ["linePosition"] = new JsonObject { ["line"] = 0, ["character"] = code.Length }, ["targetKernelName"] = "csharp",
        });
        var result = await CollectAsync(code, token, events, TimeSpan.FromMinutes(1), _ => { });
        var produced = result.Events.LastOrDefault(e => e.Type == "CompletionsProduced");
        return produced is null
            ? []
            : produced.Event.GetProperty("completions").EnumerateArray()
                .Select(c => (c.GetProperty("displayText").GetString()!, c.TryGetProperty("documentation", out var d) ? d.GetString() : null)).ToList();
    }

    /// <summary>The Markdown hover text at <paramref name="character"/> of <paramref name="code"/>, or null.</summary>
    public async Task<string?> HoverAsync(string code, int character)
    {
        var (token, events) = Send("RequestHoverText", new JsonObject
        {
            ["code"] = code, ["linePosition"] = new JsonObject { ["line"] = 0, ["character"] = character }, ["targetKernelName"] = "csharp",
        });
        var result = await CollectAsync(code, token, events, TimeSpan.FromMinutes(1), _ => { });
        return result.Events.LastOrDefault(e => e.Type == "HoverTextProduced")?.Event.GetProperty("content")[0].GetProperty("value").GetString();
    }

    /// <summary>Loads the packed build (#i, then #r alone in its cell) and returns both cells' results.</summary>
    public async Task<IReadOnlyList<CellResult>> LoadAsync(PackedBuild build)
    {
        var results = new List<CellResult>();
        foreach (var cell in build.LoadCells)
        {
            var result = await SubmitAsync(cell);
            Assert.True(result.Succeeded && result.Errors.Count == 0, result.Describe());
            results.Add(result);
        }

        return results;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The whole tree: `dotnet interactive` is a launcher whose kernel child outlives it (and spins) when only
            // its standard input is closed.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(5)));
        _process.Dispose();
    }

    private (string Token, Channel<KernelEvent> Events) Send(string commandType, JsonObject command)
    {
        var token = "dlext-test-" + Interlocked.Increment(ref _next);
        var events = Channel.CreateUnbounded<KernelEvent>();
        _listeners[token] = events;
        var envelope = new JsonObject { ["token"] = token, ["commandType"] = commandType, ["command"] = command };
        lock (_process)
        {
            _process.StandardInput.WriteLine(envelope.ToJsonString());
            _process.StandardInput.Flush();
        }

        return (token, events);
    }

    private async Task<CellResult> CollectAsync(string code, string token, Channel<KernelEvent> events, TimeSpan timeout, Action<KernelEvent> onEvent)
    {
        var clock = Stopwatch.StartNew();
        var received = new List<KernelEvent>();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var e = await events.Reader.ReadAsync(limit.Token);
                received.Add(e);
                onEvent(e);
                if (e.CommandToken == token && e.Type is "CommandSucceeded" or "CommandFailed")
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The kernel did not finish within {timeout.TotalSeconds} s:\n{code}\n(events so far: {string.Join(", ", received.Select(r => r.Type))})");
        }
        catch (ChannelClosedException)
        {
            Assert.Fail($"The kernel process ended while running:\n{code}\n(events so far: {string.Join(", ", received.Select(r => r.Type))})");
        }
        finally
        {
            _listeners.TryRemove(token, out _);
        }

        return new CellResult(code, received, clock.Elapsed);
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith('{'))
                {
                    continue; // the tool's welcome banner
                }

                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (!root.TryGetProperty("eventType", out var type))
                {
                    continue; // a command the kernel sends to the front end
                }

                var token = root.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("token", out var t) ? t.GetString() : null;
                var e = new KernelEvent(type.GetString()!, root.GetProperty("event").Clone(), token, DateTime.UtcNow);
                var rootToken = token?.Split('.')[0];
                if (rootToken is not null && _listeners.TryGetValue(rootToken, out var listener))
                {
                    listener.Writer.TryWrite(e);
                }
                else
                {
                    _unrouted.Writer.TryWrite(e);
                }
            }
        }
        finally
        {
            _unrouted.Writer.TryComplete();
            foreach (var listener in _listeners.Values)
            {
                listener.Writer.TryComplete();
            }
        }
    }
}
