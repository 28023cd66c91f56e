namespace Interactive.DlExt;

/// <summary>One step of a learning-rate range test.</summary>
/// <param name="Step">The 0-based step.</param>
/// <param name="LearningRate">The learning rate the step used.</param>
/// <param name="Loss">The batch's loss before the step.</param>
/// <param name="SmoothedLoss">The bias-corrected exponential moving average of the losses so far.</param>
public readonly record struct LrFinderPoint(int Step, double LearningRate, double Loss, double SmoothedLoss);
