namespace Interactive.DlExt;

/// <summary>The settings of a run's optimizer beyond its learning rate, as <see cref="TrainingSettings"/> records them:
/// each is null where the optimizer has no such setting, so runs can be compared by what differs between them.</summary>
/// <param name="WeightDecay">Weight decay λ (decoupled for adamw, added to the gradient otherwise).</param>
/// <param name="Momentum">Momentum β (momentum, exponential-average or classical form) or μ (nesterov).</param>
/// <param name="Beta1">Adam's first-moment decay β₁ (adam, adamw).</param>
/// <param name="Beta2">Adam's second-moment decay β₂ (adam, adamw).</param>
/// <param name="Rho">RMSProp's decay ρ of its running mean of g².</param>
public sealed record OptimizerSettings(double WeightDecay, double? Momentum = null, double? Beta1 = null, double? Beta2 = null, double? Rho = null)
{
    /// <summary>The settings of <paramref name="optimizer"/>.</summary>
    public static OptimizerSettings Of(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return optimizer switch
        {
            Momentum m => new(m.WeightDecay, Momentum: m.Beta),
            Nesterov n => new(n.WeightDecay, Momentum: n.Momentum),
            Adam a => new(a.WeightDecay, Beta1: a.Beta1, Beta2: a.Beta2),
            RmsProp r => new(r.WeightDecay, Rho: r.Beta),
            Sgd s => new(s.WeightDecay),
            AdaGrad g => new(g.WeightDecay),
            _ => throw new ArgumentException($"Unknown optimizer {optimizer.GetType().Name}.", nameof(optimizer)),
        };
    }
}
