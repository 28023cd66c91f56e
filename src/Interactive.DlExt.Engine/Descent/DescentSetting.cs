using System.Globalization;

namespace Interactive.DlExt;

/// <summary>One run of the descent lab: an optimizer of <see cref="Optimizers"/> with its learning rate and, for
/// momentum and nesterov, its β.</summary>
/// <param name="Optimizer">One of <see cref="Optimizers.Names"/>.</param>
/// <param name="LearningRate">η, &gt; 0.</param>
/// <param name="Momentum">β for the optimizers that take one (<see cref="Hyperparameters.Momentum"/>); null for
/// their default, and always null for the others.</param>
public sealed record DescentSetting(string Optimizer, double LearningRate, double? Momentum = null)
{
    /// <summary>Creates the optimizer this setting describes, checked as training checks it.</summary>
    public Optimizer CreateOptimizer() => Optimizers.Create(Optimizer, LearningRate, momentum: Momentum);

    /// <summary>The value of β this run uses, when its optimizer has one (the default filled in).</summary>
    public double? EffectiveMomentum => Hyperparameters.Momentum.UsedBy.Contains(Optimizer) ? Momentum ?? Hyperparameters.Momentum.DefaultFor(Optimizer) : null;

    /// <summary>Every setting of a grid: each optimizer with each learning rate and, for those that take β, each β.</summary>
    /// <param name="optimizers">Optimizer names (duplicates refused).</param>
    /// <param name="learningRates">Learning rates, each &gt; 0.</param>
    /// <param name="momenta">Values of β for momentum and nesterov, each in [0, 1); empty for their default.</param>
    /// <exception cref="DlExtArgumentException">An unknown optimizer, a value out of range, a β given while no optimizer
    /// of the list takes one, or more than <see cref="DescentLab.MaxRuns"/> runs.</exception>
    public static IReadOnlyList<DescentSetting> Grid(IReadOnlyList<string> optimizers, IReadOnlyList<double> learningRates, IReadOnlyList<double> momenta)
    {
        ArgumentNullException.ThrowIfNull(optimizers);
        ArgumentNullException.ThrowIfNull(learningRates);
        ArgumentNullException.ThrowIfNull(momenta);
        var names = optimizers.Select(o => o.Trim().ToLowerInvariant()).ToList();
        foreach (var name in names.Where(n => !Optimizers.Names.Contains(n)))
        {
            throw new DlExtArgumentException("optimizer", name, "one of " + string.Join(", ", Optimizers.Names));
        }

        if (names.Count == 0 || learningRates.Count == 0)
        {
            throw new DlExtArgumentException(names.Count == 0 ? "optimizer" : "lr", "nothing", "at least one value");
        }

        foreach (var rate in learningRates)
        {
            Hyperparameters.LearningRate.Check(rate);
        }

        foreach (var beta in momenta)
        {
            Hyperparameters.Momentum.Check(beta);
        }

        if (momenta.Count > 0 && !names.Any(Hyperparameters.Momentum.AppliesTo))
        {
            throw new DlExtArgumentException("momentum", string.Join(",", momenta.Select(Text)),
                "an optimizer that takes β among the optimizers (" + string.Join(" or ", Hyperparameters.Momentum.UsedBy) + "; adam's momentum is β₁)");
        }

        var settings = new List<DescentSetting>();
        foreach (var name in names.Distinct())
        {
            foreach (var rate in learningRates.Distinct())
            {
                if (momenta.Count > 0 && Hyperparameters.Momentum.UsedBy.Contains(name))
                {
                    settings.AddRange(momenta.Distinct().Select(beta => new DescentSetting(name, rate, beta)));
                }
                else
                {
                    settings.Add(new DescentSetting(name, rate));
                }
            }
        }

        return settings.Count <= DescentLab.MaxRuns ? settings
            : throw new DlExtArgumentException("runs", $"{settings.Count} runs", $"at most {DescentLab.MaxRuns} runs on one picture (fewer optimizers, learning rates or β)");
    }

    /// <summary>The label of this run among <paramref name="all"/>: only the settings that differ between them
    /// (the optimizer, η, β), or all of them when there is one run.</summary>
    public string LabelAmong(IReadOnlyList<DescentSetting> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var single = all.Count <= 1;
        var parts = new List<string>();
        if (single || all.Select(s => s.Optimizer).Distinct().Count() > 1)
        {
            parts.Add(Optimizer);
        }

        if (single || all.Select(s => s.LearningRate).Distinct().Count() > 1)
        {
            parts.Add("η = " + Text(LearningRate));
        }

        if (EffectiveMomentum is { } beta && (single || all.Select(s => s.EffectiveMomentum).Distinct().Count() > 1))
        {
            parts.Add("β = " + Text(beta));
        }

        return parts.Count == 0 ? Optimizer : string.Join(", ", parts);
    }

    /// <summary>What all of <paramref name="all"/> share, e.g. "sgd, η = 0.1" when only β differs; empty when nothing is shared.</summary>
    public static string Common(IReadOnlyList<DescentSetting> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (all.Count <= 1)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (all.Select(s => s.Optimizer).Distinct().Count() == 1)
        {
            parts.Add(all[0].Optimizer);
        }

        if (all.Select(s => s.LearningRate).Distinct().Count() == 1)
        {
            parts.Add("η = " + Text(all[0].LearningRate));
        }

        if (all.Select(s => s.EffectiveMomentum).Distinct().Count() == 1 && all[0].EffectiveMomentum is { } beta)
        {
            parts.Add("β = " + Text(beta));
        }

        return string.Join(", ", parts);
    }

    private static string Text(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
