namespace Interactive.DlExt.Search;

/// <summary>
/// Asynchronous successive halving (ASHA, Li et al. 2020). Rung k sits at step
/// r_k = <see cref="MinResource"/>·η^(<see cref="MinEarlyStoppingRate"/>+k), η = <see cref="ReductionFactor"/>.
/// When a trial first reports a step ≥ r_k, its value there is compared with the rung-k values of every
/// trial that reached rung k (running, completed or pruned, including itself): it continues only if it is in
/// the top ⌊n/η⌋ (the top 1 while fewer than η trials reached the rung), otherwise it is pruned. Between rungs
/// nothing is pruned. A trial's rung-k value is the value it reported at its first step ≥ r_k.
/// </summary>
public sealed class AshaPruner : Pruner
{
    /// <summary>Creates an ASHA pruner.</summary>
    /// <param name="minResource">Steps before the first rung. The default is 1.</param>
    /// <param name="reductionFactor">η: a rung promotes the top 1/η. The default is 3.</param>
    /// <param name="minEarlyStoppingRate">Skips the first rungs (s in r·η^(s+k)). The default is 0.</param>
    public AshaPruner(int minResource = 1, int reductionFactor = 3, int minEarlyStoppingRate = 0)
    {
        MinResource = Guard.AtLeast(minResource, 1, nameof(minResource));
        ReductionFactor = Guard.AtLeast(reductionFactor, 2, nameof(reductionFactor));
        MinEarlyStoppingRate = Guard.AtLeast(minEarlyStoppingRate, 0, nameof(minEarlyStoppingRate));
    }

    /// <summary>Steps before the first rung.</summary>
    public int MinResource { get; }

    /// <summary>η: a rung promotes the top 1/η.</summary>
    public int ReductionFactor { get; }

    /// <summary>Skips the first rungs.</summary>
    public int MinEarlyStoppingRate { get; }

    /// <summary>The step of rung <paramref name="rung"/>.</summary>
    public long RungStep(int rung) => MinResource * (long)Math.Pow(ReductionFactor, MinEarlyStoppingRate + rung);

    /// <summary>"asha (min resource 1, reduction factor 3, min early stopping rate 0)": the name and settings, as stored with a study.</summary>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"asha (min resource {MinResource}, reduction factor {ReductionFactor}, min early stopping rate {MinEarlyStoppingRate})");

    /// <inheritdoc />
    public override bool ShouldPrune(StudyHistory history, TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(trial);
        if (trial.LastStep is not { } step || step < RungStep(0))
        {
            return false;
        }

        var rung = 0;
        while (RungStep(rung + 1) <= step)
        {
            rung++;
        }

        // Decide only on the report that first reaches the rung; a survivor is not re-judged later in the rung.
        var at = RungStep(rung);
        var first = trial.IntermediateValues.Keys.First(s => s >= at);
        if (first != step)
        {
            return false;
        }

        var value = trial.IntermediateValues[step];
        if (double.IsNaN(value))
        {
            return true;
        }

        // A cancelled trial's partial curve is not a result: it will be re-run.
        var competing = history.Trials
            .Where(t => t.Number != trial.Number && t.State is not (TrialState.Cancelled or TrialState.Waiting))
            .Select(t => RungValue(t, at))
            .OfType<double>()
            .Where(double.IsFinite)
            .Append(value)
            .Select(history.Loss)
            .Order()
            .ToArray();
        var promotable = Math.Max(competing.Length / ReductionFactor, 1);
        return history.Loss(value) > competing[promotable - 1];
    }

    private static double? RungValue(TrialRecord t, long at)
    {
        foreach (var (s, v) in t.IntermediateValues)
        {
            if (s >= at)
            {
                return v;
            }
        }

        return null;
    }
}
