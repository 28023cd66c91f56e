namespace Interactive.DlExt.Search;

/// <summary>
/// The median stopping rule (Golovin et al. 2017, Google Vizier): at its latest step s, a trial is pruned when
/// its best value so far is worse than the median of the completed trials' values at step s. Nothing is
/// pruned before <see cref="StartupTrials"/> trials have completed, nor before step <see cref="WarmupSteps"/>.
/// </summary>
public sealed class MedianPruner : Pruner
{
    /// <summary>Creates a median pruner.</summary>
    /// <param name="startupTrials">Completed trials needed before pruning. The default is 5.</param>
    /// <param name="warmupSteps">Steps before which a trial is never pruned. The default is 0.</param>
    public MedianPruner(int startupTrials = 5, int warmupSteps = 0)
    {
        StartupTrials = Guard.AtLeast(startupTrials, 0, nameof(startupTrials));
        WarmupSteps = Guard.AtLeast(warmupSteps, 0, nameof(warmupSteps));
    }

    /// <summary>Completed trials needed before pruning.</summary>
    public int StartupTrials { get; }

    /// <summary>Steps before which a trial is never pruned.</summary>
    public int WarmupSteps { get; }

    /// <summary>"median (startup trials 5, warmup steps 0)": the name and settings, as stored with a study.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"median (startup trials {StartupTrials}, warmup steps {WarmupSteps})");

    /// <inheritdoc />
    public override bool ShouldPrune(StudyHistory history, TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(trial);
        if (trial.LastStep is not { } step || step < WarmupSteps || history.Completed.Count < StartupTrials)
        {
            return false;
        }

        var others = history.Completed
            .Where(t => t.Number != trial.Number && t.IntermediateValues.ContainsKey(step))
            .Select(t => t.IntermediateValues[step])
            .Where(double.IsFinite)
            .Order()
            .ToArray();
        if (others.Length == 0)
        {
            return false;
        }

        var median = others.Length % 2 == 1
            ? others[others.Length / 2]
            : (others[(others.Length / 2) - 1] + others[others.Length / 2]) / 2;
        var sofar = trial.IntermediateValues.Where(kv => kv.Key <= step).Select(kv => kv.Value).ToArray();
        if (sofar.Any(double.IsNaN))
        {
            return true;
        }

        var best = history.Direction == StudyDirection.Minimize ? sofar.Min() : sofar.Max();
        return history.IsBetter(median, best);
    }
}
