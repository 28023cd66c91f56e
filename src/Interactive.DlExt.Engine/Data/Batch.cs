namespace Interactive.DlExt;

/// <summary>One mini-batch. Its tensors are reused by the loader for the next batch of the same size.</summary>
/// <param name="Features">Inputs, [count, …].</param>
/// <param name="Targets">Targets, [count] or [count, …].</param>
public sealed record Batch(Tensor Features, Tensor Targets)
{
    /// <summary>The number of samples in the batch.</summary>
    public int Count => Features.BatchSize;
}
