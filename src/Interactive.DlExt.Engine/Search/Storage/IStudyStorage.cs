namespace Interactive.DlExt.Search;

/// <summary>
/// Where studies keep their trials: <see cref="InMemoryStudyStorage"/> for one process, or
/// <see cref="SqliteStudyStorage"/> for a file several processes can share and resume from.
/// Implementations must make <see cref="ClaimTrial"/> atomic: two workers never get the same trial number,
/// and a finished trial is never handed out again. Each claim of a trial has its own attempt number
/// (<see cref="TrialRecord.Attempt"/>); the writes that follow name it, and a write from an attempt that no longer
/// holds the trial (its worker was paused past the abandon timeout and the trial was claimed again) is discarded.
/// </summary>
public interface IStudyStorage : IDisposable
{
    /// <summary>
    /// Creates the study, or opens the existing one after checking it has the same direction, seed and space, and
    /// the same value for every setting in <paramref name="settings"/> that it stores (a setting it does not store
    /// yet, as in a study created by an earlier version, is stored now); returns its id for the other calls.
    /// </summary>
    /// <param name="name">The study's name.</param>
    /// <param name="direction">Whether smaller or larger values are better.</param>
    /// <param name="seed">The study seed.</param>
    /// <param name="space">The search space.</param>
    /// <param name="settings">Further settings that change what a trial means (strategy, pruner, epochs, …), by name.</param>
    /// <exception cref="DlExtArgumentException">The stored study differs; the message names the setting, the value given and the stored one.</exception>
    int OpenStudy(string name, StudyDirection direction, ulong seed, SearchSpace space, IReadOnlyDictionary<string, string> settings);

    /// <summary>
    /// Atomically picks the next trial for this worker: first a trial left <see cref="TrialState.Cancelled"/> (or
    /// <see cref="TrialState.Waiting"/>) or abandoned while <see cref="TrialState.Running"/> (re-run with its number and
    /// parameters, its old curve cleared), otherwise, while
    /// the study holds fewer than <paramref name="budget"/> trials, a new trial whose parameters come from
    /// <paramref name="suggest"/> (called inside the claim with the history and the new number).
    /// </summary>
    ClaimResult ClaimTrial(int studyId, SearchSpace space, int budget, Func<StudyHistory, int, Suggestion> suggest);

    /// <summary>Records the value of a running trial at <paramref name="step"/> (and refreshes its heartbeat).</summary>
    /// <returns>False, and nothing is written, when <paramref name="attempt"/> no longer holds the trial.</returns>
    bool ReportIntermediateValue(int studyId, int trialNumber, int attempt, int step, double value);

    /// <summary>Tells the storage the worker running the trial is alive.</summary>
    /// <returns>False, and nothing is written, when <paramref name="attempt"/> no longer holds the trial.</returns>
    bool Heartbeat(int studyId, int trialNumber, int attempt);

    /// <summary>Ends a running trial in <paramref name="state"/> (Completed, Pruned, Failed, or Cancelled: kept with its curve, to be re-run).</summary>
    /// <returns>False, and nothing is written, when <paramref name="attempt"/> no longer holds the trial: another worker
    /// claimed it again after this one fell silent, and that worker's result stands.</returns>
    bool FinishTrial(int studyId, int trialNumber, int attempt, TrialState state, double? value, string? message);

    /// <summary>The study's trials, parameters decoded against <paramref name="space"/>.</summary>
    StudyHistory LoadHistory(int studyId, SearchSpace space);
}
