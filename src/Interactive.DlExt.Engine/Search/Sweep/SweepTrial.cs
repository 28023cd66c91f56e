namespace Interactive.DlExt.Search;

/// <summary>One trial of a sweep, as a snapshot: its parameters, state, scores, per-epoch validation curve and time.</summary>
public sealed class SweepTrial
{
    internal SweepTrial(TrialRecord record, ulong seed, TrainingHistory? history, StudyDirection direction, bool isBest, DateTimeOffset now)
    {
        Number = record.Number;
        Parameters = record.Parameters;
        State = record.State;
        Value = record.Value;
        Message = record.Message;
        Curve = record.IntermediateValues.Values.ToArray();
        var finite = Curve.Where(double.IsFinite).ToArray();
        BestValue = finite.Length == 0 ? null : direction == StudyDirection.Minimize ? finite.Min() : finite.Max();
        History = history;
        EpochsRun = history?.Epochs.Count ?? Curve.Count;
        StartedAt = record.StartedAt;
        Duration = record.StartedAt is { } started && record.State != TrialState.Waiting ? (record.FinishedAt ?? now) - started : null;
        Seed = seed;
        IsBest = isBest;
    }

    /// <summary>The trial number (0, 1, 2, … in the order trials were started).</summary>
    public int Number { get; }

    /// <summary>The hyperparameters the trial trained with.</summary>
    public TrialParameters Parameters { get; }

    /// <summary>Running, Completed, Pruned, Failed, or Cancelled (interrupted: its partial curve is kept, and a resumed study re-runs it).</summary>
    public TrialState State { get; }

    /// <summary>The final objective: the trained model's validation score (completed), the last reported one (pruned), or null.</summary>
    public double? Value { get; }

    /// <summary>The best per-epoch validation score reported, or null before the first epoch.</summary>
    public double? BestValue { get; }

    /// <summary>Why a failed trial failed (e.g. the divergence message), or null.</summary>
    public string? Message { get; }

    /// <summary>The objective's value after each epoch, in order (kept for pruned and failed trials too).</summary>
    public IReadOnlyList<double> Curve { get; }

    /// <summary>Epochs trained.</summary>
    public int EpochsRun { get; }

    /// <summary>When the trial (last) started.</summary>
    public DateTimeOffset? StartedAt { get; }

    /// <summary>Wall time from start to end (to now while running); null when not started or interrupted.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>The training seed (<see cref="Sweep.TrialSeed"/>).</summary>
    public ulong Seed { get; }

    /// <summary>The full training history (partial for a cancelled trial), for trials that ended in this process; null while running or when the trial
    /// was run by an earlier process of a resumed study.</summary>
    public TrainingHistory? History { get; }

    /// <summary>Whether this is the study's best completed trial.</summary>
    public bool IsBest { get; }

    /// <summary>Whether the trial is over (completed, pruned or failed).</summary>
    public bool IsFinished => State is TrialState.Completed or TrialState.Pruned or TrialState.Failed;

    /// <inheritdoc />
    public override string ToString() =>
        $"#{Number} {State} {(Value is { } v ? NumberText.General(v) : null)} ({Parameters})";
}
