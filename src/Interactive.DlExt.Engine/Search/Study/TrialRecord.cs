namespace Interactive.DlExt.Search;

/// <summary>What a study has recorded about one trial: a snapshot, read from the study's storage.</summary>
public sealed class TrialRecord
{
    /// <summary>Creates a record (storages build these).</summary>
    public TrialRecord(
        int number,
        TrialState state,
        TrialParameters parameters,
        double? value = null,
        string? message = null,
        IReadOnlyDictionary<int, double>? intermediateValues = null,
        string? owner = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? heartbeatAt = null,
        DateTimeOffset? finishedAt = null,
        int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Number = number;
        State = state;
        Parameters = parameters;
        Value = value;
        Message = message;
        IntermediateValues = intermediateValues is null ? new SortedList<int, double>() : new SortedList<int, double>(intermediateValues.ToDictionary());
        Owner = owner;
        StartedAt = startedAt;
        HeartbeatAt = heartbeatAt;
        FinishedAt = finishedAt;
        Attempt = Guard.AtLeast(attempt, 1, nameof(attempt));
    }

    /// <summary>The trial number, 0, 1, 2, … in the order trials were first claimed.</summary>
    public int Number { get; }

    /// <summary>The state.</summary>
    public TrialState State { get; }

    /// <summary>The parameters the trial was asked to evaluate.</summary>
    public TrialParameters Parameters { get; }

    /// <summary>The objective value of a completed trial, or the last reported value of a pruned one.</summary>
    public double? Value { get; }

    /// <summary>Why a trial failed (the exception message), or null.</summary>
    public string? Message { get; }

    /// <summary>The values reported per step (epoch), in step order.</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues { get; }

    /// <summary>The worker that ran (or runs) the trial: "machine:process id".</summary>
    public string? Owner { get; }

    /// <summary>When the trial was (last) claimed.</summary>
    public DateTimeOffset? StartedAt { get; }

    /// <summary>When its worker last said it was alive.</summary>
    public DateTimeOffset? HeartbeatAt { get; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; }

    /// <summary>How many times the trial has been claimed: 1 for its first run, one more for each re-run. Only the
    /// latest attempt may write to the trial, so a worker that fell silent and was replaced cannot overwrite its replacement.</summary>
    public int Attempt { get; }

    /// <summary>Whether the trial is over (completed, pruned or failed): finished trials are never re-run.</summary>
    public bool IsFinished => State is TrialState.Completed or TrialState.Pruned or TrialState.Failed;

    /// <summary>The last reported step, or null when none was reported.</summary>
    public int? LastStep => IntermediateValues.Count == 0 ? null : ((SortedList<int, double>)IntermediateValues).Keys[^1];

    /// <inheritdoc />
    public override string ToString() => $"#{Number} {State} {(Value is { } v ? NumberText.General(v) : null)} ({Parameters})";
}
