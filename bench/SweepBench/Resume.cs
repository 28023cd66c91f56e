using System.Diagnostics;
using Interactive.DlExt.Search;

namespace SweepBench;

/// <summary>
/// Kill-and-resume: a child process runs the sweep on a SQLite file and is killed once <c>killAfter</c> trials have
/// finished; this process then resumes the study and checks that no finished trial was lost or re-run, and that the
/// resumed study equals an uninterrupted one bit for bit.
/// </summary>
internal static class Resume
{
    public static int Run(int trials, int killAfter)
    {
        var folder = Directory.CreateTempSubdirectory("sweepbench-").FullName;
        var path = Path.Combine(folder, "study.db");
        var self = Environment.GetCommandLineArgs()[0];
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (self.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(self); // started as "dotnet SweepBench.dll"
        }

        foreach (var a in new[] { "worker", path, trials.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        Console.WriteLine($"child {child.Id} runs the sweep on {path}");
        IReadOnlyList<TrialRecord> before;
        while (true)
        {
            Thread.Sleep(100);
            before = Read(path);
            if (before.Count(t => t.IsFinished) >= killAfter || child.HasExited)
            {
                break;
            }
        }

        child.Kill(entireProcessTree: true);
        child.WaitForExit();
        before = Read(path);
        var finished = before.Where(t => t.IsFinished).ToArray();
        Console.WriteLine($"killed the child: {finished.Length} finished, {before.Count(t => t.State == TrialState.Running)} left running (abandoned)");

        var builds = 0;
        SweepResult resumed;
        using (var storage = new SqliteStudyStorage(path))
        {
            resumed = Sweep.Run(BenchSweep.Request(trials, 15, 1, 1, p => { Interlocked.Increment(ref builds); return BenchSweep.Model(p); }) with { Storage = storage });
        }

        var after = Read(path);
        var kept = finished.All(f => after[f.Number] is var a && a.State == f.State && a.Value == f.Value && a.FinishedAt == f.FinishedAt);
        var fresh = Sweep.Run(BenchSweep.Request(trials, 15, 1, 1));
        var same = BenchSweep.Fingerprint(resumed.Trials.Select(t => (t.Number, t.State, t.Value))) == BenchSweep.Fingerprint(fresh.Trials.Select(t => (t.Number, t.State, t.Value)));
        Console.WriteLine($"resumed: {builds} trials trained (expected {trials - finished.Length}), {resumed.Count(TrialState.Completed)} of {trials} completed");
        Console.WriteLine($"finished trials kept untouched (state, value, finish time): {kept}");
        Console.WriteLine($"resumed study equals an uninterrupted one bit for bit: {same}");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return kept && same && builds == trials - finished.Length && resumed.Count(TrialState.Completed) == trials ? 0 : 1;
    }

    private static IReadOnlyList<TrialRecord> Read(string path)
    {
        using var storage = new SqliteStudyStorage(path);
        var study = new Study(BenchSweep.StudyName, BenchSweep.Space, new StudyOptions { Storage = storage, Strategy = new RandomSearch(), Seed = 42 });
        return study.Trials;
    }
}
