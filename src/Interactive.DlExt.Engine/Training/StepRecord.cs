namespace Interactive.DlExt;

/// <summary>One optimizer step: its training-batch loss and the learning rate it used.</summary>
/// <param name="Step">The 0-based step number across the whole run.</param>
/// <param name="Epoch">The 0-based epoch.</param>
/// <param name="Loss">The batch's mean loss (including any L1/L2 penalty).</param>
/// <param name="LearningRate">The learning rate used for this step.</param>
public readonly record struct StepRecord(long Step, int Epoch, double Loss, double LearningRate);
