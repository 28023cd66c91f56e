using System.Globalization;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Cli;

/// <summary>Prints one line per sweep trial as it ends (completed with its validation scores, pruned, or failed with the
/// reason), so a sweep of several minutes is never silent. Fed by <see cref="SweepRequest.Progress"/>, whose calls are serialised.</summary>
internal sealed class SweepProgress(int trials, Action<string> writeLine)
{
    private readonly HashSet<int> _printed = [];

    /// <summary>Trials ended so far.</summary>
    public int Finished => _printed.Count;

    /// <summary>Prints the trials that ended since the last snapshot.</summary>
    public void Update(SweepResult snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var trial in snapshot.Trials.Where(t => t.IsFinished && !_printed.Contains(t.Number)).OrderBy(t => t.Number))
        {
            _printed.Add(trial.Number);
            writeLine(Line(trial, Finished, trials));
        }
    }

    /// <summary>"trial #3 (4/8) lr=0.00123 batch=64 val loss 0.1234 acc 96.30%".</summary>
    public static string Line(SweepTrial trial, int finished, int trials)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var p = trial.Parameters;
        var head = string.Create(CultureInfo.InvariantCulture, $"trial #{trial.Number} ({finished}/{trials})") +
            (p.Has("lr") ? string.Create(CultureInfo.InvariantCulture, $" lr={p.Double("lr"):G3}") : "") +
            (p.Has("batch_size") ? string.Create(CultureInfo.InvariantCulture, $" batch={p.Int("batch_size")}") : "");
        var accuracy = trial.History?.Epochs is [.., { ValidationAccuracy: { } acc }]
            ? string.Create(CultureInfo.InvariantCulture, $" acc {acc:P2}")
            : "";
        return trial.State switch
        {
            TrialState.Completed => string.Create(CultureInfo.InvariantCulture, $"{head} val loss {trial.Value:F4}{accuracy}"),
            TrialState.Pruned => string.Create(CultureInfo.InvariantCulture,
                $"{head} pruned after {trial.EpochsRun} epochs (val loss {trial.Value:F4}: worse than the other trials at that epoch)"),
            _ => $"{head} failed: {trial.Message ?? "no reason given"}",
        };
    }
}
