namespace Interactive.DlExt;

/// <summary>The hyperparameters a run used, as shown beside its charts and stored with sweep trials.</summary>
/// <param name="Model">A one-line description of the model.</param>
/// <param name="ParameterCount">Trainable parameters.</param>
/// <param name="Optimizer">The optimizer's name.</param>
/// <param name="OptimizerFormula">The optimizer's update rule.</param>
/// <param name="LearningRate">The base learning rate η₀.</param>
/// <param name="Schedule">The schedule's name ("constant" when none).</param>
/// <param name="Loss">The loss's name.</param>
/// <param name="BatchSize">Samples per batch.</param>
/// <param name="Epochs">Planned epochs.</param>
/// <param name="StepsPerEpoch">Batches per epoch.</param>
/// <param name="TrainCount">Training samples.</param>
/// <param name="ValidationCount">Validation samples (0 when none).</param>
/// <param name="Seed">The seed of initialisation, shuffling and dropout.</param>
/// <param name="Threads">Compute threads.</param>
/// <param name="L1">L1 penalty strength.</param>
/// <param name="L2">L2 penalty strength.</param>
/// <param name="ClipNorm">The largest global gradient norm, or null when gradients are not clipped by norm.</param>
/// <param name="ClipValue">The largest gradient magnitude, or null when gradients are not clamped.</param>
/// <param name="ClassCount">The classes of the training data (0 for regression).</param>
/// <param name="LargestInput">The largest absolute value among the training inputs (null when not measured).</param>
/// <param name="OptimizerSettings">The optimizer's momentum, β₁, β₂, ρ and weight decay (null when not recorded).</param>
public sealed record TrainingSettings(
    string Model,
    int ParameterCount,
    string Optimizer,
    string OptimizerFormula,
    double LearningRate,
    string Schedule,
    string Loss,
    int BatchSize,
    int Epochs,
    int StepsPerEpoch,
    int TrainCount,
    int ValidationCount,
    ulong Seed,
    int Threads,
    double L1,
    double L2,
    double? ClipNorm = null,
    double? ClipValue = null,
    int ClassCount = 0,
    double? LargestInput = null,
    OptimizerSettings? OptimizerSettings = null)
{
    /// <summary>Whether validation metrics exist.</summary>
    public bool HasValidation => ValidationCount > 0;
}
