namespace Interactive.DlExt;

/// <summary>What <see cref="Optimizers.Create"/> needs to build an optimizer again with one setting changed: its name,
/// learning rate and the settings it has (weight decay only where it is not the optimizer's default, so a switch to
/// adamw keeps adamw's own default).</summary>
internal sealed record OptimizerRecipe(string Name, double LearningRate, double? WeightDecay, double? Momentum, double? Beta1, double? Beta2, double? Rho)
{
    public static OptimizerRecipe Of(Optimizer optimizer)
    {
        var s = OptimizerSettings.Of(optimizer);
        var decay = s.WeightDecay == Hyperparameters.WeightDecay.DefaultFor(optimizer.Name) ? (double?)null : s.WeightDecay;
        return new(optimizer.Name, optimizer.LearningRate, decay, s.Momentum, s.Beta1, s.Beta2, s.Rho);
    }

    /// <summary>The recipe for another optimizer: the settings it takes are kept, the others dropped.</summary>
    public OptimizerRecipe For(string name) => new(
        name.Trim().ToLowerInvariant(), LearningRate, WeightDecay,
        Hyperparameters.Momentum.AppliesTo(name) ? Momentum : null,
        Hyperparameters.Beta1.AppliesTo(name) ? Beta1 : null,
        Hyperparameters.Beta2.AppliesTo(name) ? Beta2 : null,
        Hyperparameters.Rho.AppliesTo(name) ? Rho : null);

    public Optimizer Create() => Optimizers.Create(Name, LearningRate, WeightDecay, Momentum, Beta1, Beta2, Rho);
}
