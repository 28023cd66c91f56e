using System.Diagnostics;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class MultiProcessStudyTests
{
    [Fact]
    public void Two_real_processes_share_a_study_file_without_losing_or_duplicating_trials()
    {
        using var file = new TempStudyFile();
        const int Budget = 60; // of the 72 grid points
        var start = Path.Combine(file.Folder, "go");
        var workers = new[] { StartWorker(file.Path, Budget, start), StartWorker(file.Path, Budget, start) };

        // A barrier: both workers have opened the study before either may claim a trial (on a loaded CI machine
        // one process's start-up can otherwise outlast the other's whole run).
        var deadline = Environment.TickCount64 + 60_000;
        while (Directory.GetFiles(file.Folder, "go.*.ready").Length < 2 && Environment.TickCount64 < deadline && workers.All(w => !w.HasExited))
        {
            Thread.Sleep(10);
        }

        File.WriteAllText(start, "go");
        var outputs = workers.Select(w =>
        {
            var output = w.StandardOutput.ReadToEnd();
            var error = w.StandardError.ReadToEnd();
            Assert.True(w.WaitForExit(60_000), "worker timed out");
            Assert.True(w.ExitCode == 0, $"worker failed: {error}");
            return int.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }).ToArray();
        foreach (var w in workers)
        {
            w.Dispose();
        }

        using var storage = new SqliteStudyStorage(file.Path);
        var study = new Study("shared", WorkerSpace.Create(), new StudyOptions { Strategy = new GridSearch(), Storage = storage, Seed = 7 });
        var trials = study.Trials;
        Assert.Equal(Enumerable.Range(0, Budget), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(Budget, trials.Select(t => t.Parameters.ToString()).Distinct().Count());
        var grid = new GridSearch().Points(WorkerSpace.Create());
        Assert.All(trials, t => Assert.True(t.Parameters.SameAs(grid[t.Number])));
        Assert.All(trials, t => Assert.Equal(WorkerSpace.Objective(t.Parameters), t.Value));
        Assert.Equal(Budget, outputs.Sum());
        Assert.Equal(2, trials.Select(t => t.Owner).Distinct().Count()); // both processes did work
    }

    private static Process StartWorker(string path, int budget, string startFile)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "exec", WorkerDll(), path, "shared", budget.ToString(System.Globalization.CultureInfo.InvariantCulture), startFile })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    /// <summary>tests/StudyWorker/bin/&lt;configuration&gt;/&lt;tfm&gt;/StudyWorker.dll, beside this test project's output.</summary>
    private static string WorkerDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        var tests = output.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "StudyWorker", "bin", configuration, tfm, "StudyWorker.dll");
        Assert.True(File.Exists(dll), $"worker not built at {dll}");
        return dll;
    }
}
