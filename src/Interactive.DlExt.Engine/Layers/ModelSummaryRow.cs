namespace Interactive.DlExt;

/// <summary>One layer's line in a <see cref="ModelSummary"/>.</summary>
/// <param name="Index">The layer's position in the model (the prefix of its parameter names, "0.weight").</param>
/// <param name="Name">The layer's display name.</param>
/// <param name="Description">The layer's one-line description, e.g. "Linear(784 → 128)".</param>
/// <param name="OutputShape">The per-item output shape (without the batch dimension).</param>
/// <param name="TrainableParameters">The number of trained scalars in the layer and its children.</param>
/// <param name="NonTrainableParameters">The number of saved but untrained scalars (batch-norm running statistics).</param>
public sealed record ModelSummaryRow(
    int Index,
    string Name,
    string Description,
    IReadOnlyList<int> OutputShape,
    long TrainableParameters,
    long NonTrainableParameters);
