namespace Interactive.DlExt.Search;

/// <summary>
/// Where studies keep their trials: <see cref="InMemoryStudyStorage"/> for one process, or
/// <see cref="SqliteStudyStorage"/> for a file several processes can share and resume from.
/// Implementations must make <see cref="ClaimTrial"/> atomic: two workers never get the same trial number,
/// and a finished trial is never handed out again.
/// </summary>
public interface IStudyStorage : IDisposable
{
    /// <summary>
    /// Creates the study, or opens the existing one after checking it has the same direction, seed and space;
    /// returns its id for the other calls.
    /// </summary>
    int OpenStudy(string name, StudyDirection direction, ulong seed, SearchSpace space);

    /// <summary>
    /// Atomically picks the next trial for this worker: first a trial left <see cref="TrialState.Cancelled"/> (or
    /// <see cref="TrialState.Waiting"/>) or abandoned while <see cref="TrialState.Running"/> (re-run with its number and
    /// parameters, its old curve cleared), otherwise, while
    /// the study holds fewer than <paramref name="budget"/> trials, a new trial whose parameters come from
    /// <paramref name="suggest"/> (called inside the claim with the history and the new number).
    /// </summary>
    ClaimResult ClaimTrial(int studyId, SearchSpace space, int budget, Func<StudyHistory, int, Suggestion> suggest);

    /// <summary>Records the value of a running trial at <paramref name="step"/> (and refreshes its heartbeat).</summary>
    void ReportIntermediateValue(int studyId, int trialNumber, int step, double value);

    /// <summary>Tells the storage the worker running the trial is alive.</summary>
    void Heartbeat(int studyId, int trialNumber);

    /// <summary>Ends a running trial in <paramref name="state"/> (Completed, Pruned, Failed, or Cancelled: kept with its curve, to be re-run).</summary>
    void FinishTrial(int studyId, int trialNumber, TrialState state, double? value, string? message);

    /// <summary>The study's trials, parameters decoded against <paramref name="space"/>.</summary>
    StudyHistory LoadHistory(int studyId, SearchSpace space);
}
