namespace Interactive.DlExt.Search;

/// <summary>What a <see cref="Sweep"/> optimises, measured on the validation data after each epoch.</summary>
public enum SweepObjective
{
    /// <summary>The validation loss, minimised.</summary>
    ValidationLoss,

    /// <summary>The validation accuracy (classification only), maximised.</summary>
    ValidationAccuracy,
}
