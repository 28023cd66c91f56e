namespace Interactive.DlExt;

/// <summary>
/// Batch normalisation over features (Ioffe and Szegedy 2015), for batches [N, F] (or [N, F, L]), as PyTorch's
/// <c>nn.BatchNorm1d</c>. Training: y = γ·(x − μ_B)/√(σ²_B + ε) + β with the batch mean μ_B and biased variance σ²_B
/// of each feature, and running = (1 − momentum)·running + momentum·batch (unbiased variance). Evaluation: the
/// running mean and variance instead. γ ("weight", ones) and β ("bias", zeros) are trained; "running_mean"
/// (zeros) and "running_var" (ones) are saved but not trained.
/// </summary>
public sealed class BatchNorm1d : BatchNorm
{
    /// <summary>Creates the layer.</summary>
    /// <param name="features">The number of features F, ≥ 1.</param>
    /// <param name="momentum">The weight of the newest batch in the running statistics, in [0, 1]. The default is 0.1.</param>
    /// <param name="epsilon">Added to the variance before the square root, &gt; 0. The default is 1e-5.</param>
    /// <param name="name">An optional display name.</param>
    public BatchNorm1d(int features, double momentum = 0.1, double epsilon = 1e-5, string? name = null)
        : base(Guard.AtLeast(features, 1, nameof(features)), momentum, epsilon, name)
    {
    }

    /// <summary>The number of features.</summary>
    public int Features => ChannelCount;

    /// <inheritdoc />
    public override string Describe() => $"BatchNorm1d({Guard.Text(Features)})";

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape)
    {
        if (inputShape.Length is not (1 or 2) || inputShape[0] != Features)
        {
            throw ShapeError(inputShape, $"an item shape of [{Guard.Text(Features)}] or [{Guard.Text(Features)}, length]");
        }

        var spatial = inputShape.Length == 2 ? inputShape[1] : 1;
        return BuildFor(inputShape, spatial);
    }
}
