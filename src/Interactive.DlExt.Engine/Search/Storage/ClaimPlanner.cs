namespace Interactive.DlExt.Search;

/// <summary>The claim rule both storages apply inside their lock or transaction.</summary>
internal static class ClaimPlanner
{
    /// <summary>What to do: re-run an existing trial, start a new one, wait, or stop; <see cref="Plan.Attempt"/> is the claim's attempt number.</summary>
    public readonly record struct Plan(SuggestionKind Kind, int Number, TrialParameters? Parameters, bool Rerun, int Attempt = 1);

    public static Plan Decide(StudyHistory history, int budget, Func<StudyHistory, int, Suggestion> suggest, Func<TrialRecord, bool> isAbandoned)
    {
        var rerun = history.Trials.FirstOrDefault(t => t.State is TrialState.Cancelled or TrialState.Waiting)
            ?? history.Trials.FirstOrDefault(t => t.State == TrialState.Running && isAbandoned(t));
        if (rerun is not null)
        {
            return new(SuggestionKind.Ready, rerun.Number, rerun.Parameters, Rerun: true, rerun.Attempt + 1);
        }

        if (history.Trials.Count >= budget)
        {
            return new(SuggestionKind.Exhausted, -1, null, false);
        }

        // Numbers are dense (0..count−1) because trials are only ever added here, one at a time.
        var number = history.Trials.Count;
        var suggestion = suggest(history, number);
        return new(suggestion.Kind, number, suggestion.Parameters, Rerun: false);
    }

    /// <summary>"machine:process id" of this process.</summary>
    public static string CurrentOwner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// A running trial is abandoned when its heartbeat is older than <paramref name="timeout"/>, or at once when
    /// its owner ran on this machine and that process no longer exists.
    /// </summary>
    public static bool IsAbandoned(TrialRecord trial, DateTimeOffset now, TimeSpan timeout)
    {
        if (trial.HeartbeatAt is not { } beat || now - beat > timeout)
        {
            return true;
        }

        var owner = trial.Owner ?? string.Empty;
        var colon = owner.LastIndexOf(':');
        if (colon <= 0 || owner[..colon] != Environment.MachineName ||
            !int.TryParse(owner.AsSpan(colon + 1), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
