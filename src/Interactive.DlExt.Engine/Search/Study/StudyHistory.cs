namespace Interactive.DlExt.Search;

/// <summary>
/// What strategies and pruners see of a study: its space, direction and recorded trials. Strategies are
/// functions of this history, the trial number and a seeded generator, which is what makes resuming a study
/// and running trials in parallel (or in several processes) safe.
/// </summary>
public sealed class StudyHistory
{
    /// <summary>Creates a history.</summary>
    public StudyHistory(SearchSpace space, StudyDirection direction, IEnumerable<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(trials);
        Space = space;
        Direction = direction;
        Trials = trials.OrderBy(t => t.Number).ToArray();
        Completed = Trials.Where(t => t.State == TrialState.Completed && t.Value is { } v && double.IsFinite(v)).ToArray();
    }

    /// <summary>The search space.</summary>
    public SearchSpace Space { get; }

    /// <summary>Whether smaller or larger values are better.</summary>
    public StudyDirection Direction { get; }

    /// <summary>All trials in number order.</summary>
    public IReadOnlyList<TrialRecord> Trials { get; }

    /// <summary>The completed trials with a finite value, in number order.</summary>
    public IReadOnlyList<TrialRecord> Completed { get; }

    /// <summary>The best completed trial (ties go to the lower number), or null.</summary>
    public TrialRecord? Best => Completed.Count == 0 ? null : Ranked(Completed)[0];

    /// <summary>Whether value <paramref name="a"/> is strictly better than <paramref name="b"/>.</summary>
    public bool IsBetter(double a, double b) => Direction == StudyDirection.Minimize ? a < b : a > b;

    /// <summary>A value where smaller is always better (the value, or its negation when maximizing).</summary>
    public double Loss(double value) => Direction == StudyDirection.Minimize ? value : -value;

    /// <summary>Trials with values, best first (stable: ties keep number order).</summary>
    public IReadOnlyList<TrialRecord> Ranked(IEnumerable<TrialRecord> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        return trials.Where(t => t.Value.HasValue).OrderBy(t => Loss(t.Value!.Value)).ThenBy(t => t.Number).ToArray();
    }
}
