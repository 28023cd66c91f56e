namespace Interactive.DlExt.Search;

/// <summary>Keeps studies in this process's memory (lost when it ends); thread-safe.</summary>
public sealed class InMemoryStudyStorage : IStudyStorage
{
    private readonly object _lock = new();
    private readonly List<StudyData> _studies = [];
    private readonly TimeProvider _time;

    /// <summary>Creates an empty storage.</summary>
    /// <param name="timeProvider">The clock for start/finish times. The default is the system clock.</param>
    public InMemoryStudyStorage(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public int OpenStudy(string name, StudyDirection direction, ulong seed, SearchSpace space, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        lock (_lock)
        {
            var index = _studies.FindIndex(s => s.Name == name);
            if (index >= 0)
            {
                var study = _studies[index];
                if (StudyCheck.Matches(name, study.Direction, study.Seed, study.Space, study.Settings, direction, seed, space.Describe(), settings) is { } merged)
                {
                    _studies[index] = study with { Settings = merged };
                }

                return index;
            }

            _studies.Add(new StudyData(name, direction, seed, space.Describe(), settings.ToDictionary(StringComparer.Ordinal)));
            return _studies.Count - 1;
        }
    }

    /// <inheritdoc />
    public ClaimResult ClaimTrial(int studyId, SearchSpace space, int budget, Func<StudyHistory, int, Suggestion> suggest)
    {
        ArgumentNullException.ThrowIfNull(suggest);
        lock (_lock)
        {
            var study = _studies[studyId];
            var history = new StudyHistory(space, study.Direction, study.Trials.Values.Select(t => t.ToRecord()));
            var plan = ClaimPlanner.Decide(history, budget, suggest, _ => false);
            if (plan.Kind != SuggestionKind.Ready)
            {
                return plan.Kind == SuggestionKind.Wait ? ClaimResult.Wait : ClaimResult.Done;
            }

            var now = _time.GetUtcNow();
            var trial = new MutableTrial(plan.Number, plan.Parameters!, plan.Attempt) { StartedAt = now, HeartbeatAt = now };
            study.Trials[plan.Number] = trial;
            return ClaimResult.Claimed(trial.ToRecord());
        }
    }

    /// <inheritdoc />
    public bool ReportIntermediateValue(int studyId, int trialNumber, int attempt, int step, double value)
    {
        lock (_lock)
        {
            if (Held(studyId, trialNumber, attempt) is not { } trial)
            {
                return false;
            }

            trial.Values[step] = value;
            trial.HeartbeatAt = _time.GetUtcNow();
            return true;
        }
    }

    /// <inheritdoc />
    public bool Heartbeat(int studyId, int trialNumber, int attempt)
    {
        lock (_lock)
        {
            if (Held(studyId, trialNumber, attempt) is not { } trial)
            {
                return false;
            }

            trial.HeartbeatAt = _time.GetUtcNow();
            return true;
        }
    }

    /// <inheritdoc />
    public bool FinishTrial(int studyId, int trialNumber, int attempt, TrialState state, double? value, string? message)
    {
        lock (_lock)
        {
            if (Held(studyId, trialNumber, attempt) is not { } trial)
            {
                return false;
            }

            trial.State = state;
            trial.Value = value;
            trial.Message = message;
            trial.FinishedAt = _time.GetUtcNow();
            if (state == TrialState.Waiting)
            {
                trial.Values.Clear();
            }

            return true;
        }
    }

    /// <inheritdoc />
    public StudyHistory LoadHistory(int studyId, SearchSpace space)
    {
        lock (_lock)
        {
            var study = _studies[studyId];
            return new StudyHistory(space, study.Direction, study.Trials.Values.Select(t => t.ToRecord()).ToArray());
        }
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }

    /// <summary>The trial when <paramref name="attempt"/> is its running claim, else null (called inside the lock).</summary>
    private MutableTrial? Held(int studyId, int trialNumber, int attempt) =>
        _studies[studyId].Trials.TryGetValue(trialNumber, out var trial) && trial.State == TrialState.Running && trial.Attempt == attempt ? trial : null;

    private sealed record StudyData(string Name, StudyDirection Direction, ulong Seed, string Space, IReadOnlyDictionary<string, string> Settings)
    {
        public SortedDictionary<int, MutableTrial> Trials { get; } = [];
    }

    private sealed class MutableTrial(int number, TrialParameters parameters, int attempt)
    {
        public int Attempt => attempt;

        public TrialState State { get; set; } = TrialState.Running;

        public double? Value { get; set; }

        public string? Message { get; set; }

        public SortedDictionary<int, double> Values { get; } = [];

        public DateTimeOffset StartedAt { get; set; }

        public DateTimeOffset HeartbeatAt { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        public TrialRecord ToRecord() => new(
            number, State, parameters, Value, Message, Values, ClaimPlanner.CurrentOwner, StartedAt, HeartbeatAt, FinishedAt, attempt);
    }
}
