namespace Interactive.DlExt;

/// <summary>One optimizer step: its training-batch loss, the learning rate it used and its gradient norm.</summary>
/// <param name="Step">The 0-based step number across the whole run.</param>
/// <param name="Epoch">The 0-based epoch.</param>
/// <param name="Loss">The batch's mean loss (including any L1/L2 penalty).</param>
/// <param name="LearningRate">The learning rate used for this step.</param>
/// <param name="GradientNorm">The global L2 norm of all trainable gradients before any clipping, computed on every
/// step (one read of the gradients, small beside the backward pass); null for a step recorded without a backward
/// pass (the one that diverged).</param>
public readonly record struct StepRecord(long Step, int Epoch, double Loss, double LearningRate, double? GradientNorm = null);
