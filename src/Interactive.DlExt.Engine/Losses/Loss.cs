namespace Interactive.DlExt;

/// <summary>
/// A training objective. <see cref="Compute"/> returns the batch-mean loss and, when asked, writes
/// ∂loss/∂prediction (already divided by the batch size) so the model can back-propagate it.
/// </summary>
public abstract class Loss
{
    /// <summary>A short name, e.g. "cross-entropy".</summary>
    public abstract string Name { get; }

    /// <summary>The formula as a student would read it.</summary>
    public abstract string Formula { get; }

    /// <summary>Whether targets are class indices (enables accuracy and confusion matrices).</summary>
    public virtual bool IsClassification => false;

    /// <summary>Returns the mean loss over the batch and fills <paramref name="gradient"/> (same shape as
    /// <paramref name="predictions"/>) when it is not null.</summary>
    /// <param name="predictions">The model output, [batch, …].</param>
    /// <param name="targets">Class indices as floats ([batch]) for classification, else values shaped like the output.</param>
    /// <param name="gradient">Receives ∂loss/∂predictions, or null for evaluation only.</param>
    public abstract double Compute(Tensor predictions, Tensor targets, Tensor? gradient);
}
