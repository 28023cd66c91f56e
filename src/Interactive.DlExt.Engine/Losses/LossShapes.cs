namespace Interactive.DlExt;

/// <summary>Shape checks shared by the losses, with messages that name both shapes.</summary>
internal static class LossShapes
{
    /// <summary>Checks that targets hold one value per prediction (e.g. [batch] targets for [batch, 1] predictions are fine).</summary>
    public static void SameLength(Tensor predictions, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != predictions.Length || targets.BatchSize != predictions.BatchSize)
        {
            throw new DlExtArgumentException("targets", Tensor.Describe(targets.Shape),
                $"one target per prediction, shaped like the predictions {Tensor.Describe(predictions.Shape)}");
        }
    }

    /// <summary>Checks that the gradient tensor, when given, has as many values as the predictions.</summary>
    public static void Gradient(Tensor predictions, Tensor? gradient)
    {
        if (gradient is not null && gradient.Length != predictions.Length)
        {
            throw new DlExtArgumentException("gradient", Tensor.Describe(gradient.Shape),
                $"a tensor shaped like the predictions {Tensor.Describe(predictions.Shape)}");
        }
    }
}
