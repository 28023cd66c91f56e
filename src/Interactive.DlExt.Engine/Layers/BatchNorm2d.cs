namespace Interactive.DlExt;

/// <summary>
/// Batch normalisation per channel (Ioffe and Szegedy 2015), for images [N, C, H, W], as PyTorch's
/// <c>nn.BatchNorm2d</c>. Training: y = γ·(x − μ_B)/√(σ²_B + ε) + β with the mean μ_B and biased variance σ²_B
/// of each channel over the batch and all positions, and running = (1 − momentum)·running + momentum·batch (unbiased variance). Evaluation: the
/// running mean and variance instead. γ ("weight", ones) and β ("bias", zeros) are trained; "running_mean"
/// (zeros) and "running_var" (ones) are saved but not trained.
/// </summary>
public sealed class BatchNorm2d : BatchNorm
{
    /// <summary>Creates the layer.</summary>
    /// <param name="channels">The number of channels C, ≥ 1.</param>
    /// <param name="momentum">The weight of the newest batch in the running statistics, in [0, 1]. The default is 0.1.</param>
    /// <param name="epsilon">Added to the variance before the square root, &gt; 0. The default is 1e-5.</param>
    /// <param name="name">An optional display name.</param>
    public BatchNorm2d(int channels, double momentum = 0.1, double epsilon = 1e-5, string? name = null)
        : base(Guard.AtLeast(channels, 1, nameof(channels)), momentum, epsilon, name)
    {
    }

    /// <summary>The number of channels.</summary>
    public int Channels => ChannelCount;

    /// <inheritdoc />
    public override string Describe() => $"BatchNorm2d({Guard.Text(Channels)})";

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape)
    {
        if (inputShape.Length != 3 || inputShape[0] != Channels)
        {
            throw ShapeError(inputShape, $"an item shape of [{Guard.Text(Channels)}, height, width]");
        }

        var spatial = inputShape[1] * inputShape[2];
        return BuildFor(inputShape, spatial);
    }
}
