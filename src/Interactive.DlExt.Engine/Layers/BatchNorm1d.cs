namespace Interactive.DlExt;

/// <summary>
/// Batch normalisation over features (Ioffe and Szegedy 2015), for batches [N, F] (or [N, F, L]), as PyTorch's
/// <c>nn.BatchNorm1d</c>. Training: y = γ·(x − μ_B)/√(σ²_B + ε) + β with the batch mean μ_B and biased variance σ²_B
/// of each feature, and running = (1 − momentum)·running + momentum·batch (unbiased variance). Evaluation: the
/// running mean and variance instead. γ ("weight", ones) and β ("bias", zeros) are trained; "running_mean"
/// (zeros) and "running_var" (ones) are saved but not trained.
/// </summary>
public sealed class BatchNorm1d : Layer
{
    private readonly BatchNormCore _core;
    private int _spatial = 1;

    /// <summary>Creates the layer.</summary>
    /// <param name="features">The number of features F, ≥ 1.</param>
    /// <param name="momentum">The weight of the newest batch in the running statistics, in [0, 1]. The default is 0.1.</param>
    /// <param name="epsilon">Added to the variance before the square root, &gt; 0. The default is 1e-5.</param>
    /// <param name="name">An optional display name.</param>
    public BatchNorm1d(int features, double momentum = 0.1, double epsilon = 1e-5, string? name = null)
        : base(name)
    {
        _core = new BatchNormCore(Guard.AtLeast(features, 1, nameof(features)), momentum, epsilon);
    }

    /// <summary>The number of features.</summary>
    public int Features => _core.Channels;

    /// <summary>The weight of the newest batch in the running statistics.</summary>
    public double Momentum => _core.Momentum;

    /// <summary>The value added to the variance before the square root.</summary>
    public double Epsilon => _core.Epsilon;

    /// <summary>The scale γ, once built.</summary>
    public Parameter Weight => _core.Weight;

    /// <summary>The shift β, once built.</summary>
    public Parameter Bias => _core.Bias;

    /// <summary>The running mean (not trained), once built.</summary>
    public Parameter RunningMean => _core.RunningMean;

    /// <summary>The running variance (not trained), once built.</summary>
    public Parameter RunningVariance => _core.RunningVariance;

    /// <inheritdoc />
    public override string Describe() => $"BatchNorm1d({Guard.Text(Features)})";

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        return _core.Forward(input, _spatial, context);
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _core.Backward(outputGradient, _spatial, InputGradientRequired, context);
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape)
    {
        if (inputShape.Length is not (1 or 2) || inputShape[0] != Features)
        {
            throw ShapeError(inputShape, $"an item shape of [{Guard.Text(Features)}] or [{Guard.Text(Features)}, length]");
        }

        _spatial = inputShape.Length == 2 ? inputShape[1] : 1;
        var c = Features;
        _core.Attach(
            AddParameter("weight", [c], Initializer.Ones, c, c),
            AddParameter("bias", [c], Initializer.Zeros, c, c),
            AddParameter("running_mean", [c], Initializer.Zeros, c, c, trainable: false),
            AddParameter("running_var", [c], Initializer.Ones, c, c, trainable: false));
        return (int[])inputShape.Clone();
    }
}
