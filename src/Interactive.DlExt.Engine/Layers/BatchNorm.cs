namespace Interactive.DlExt;

/// <summary>
/// The base of <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/> (Ioffe and Szegedy 2015): each channel c
/// is normalised over the batch and all positions. Training: y = γ·(x − μ_B)/√(σ²_B + ε) + β with the batch mean
/// μ_B and biased variance σ²_B, and running = (1 − momentum)·running + momentum·batch (unbiased variance).
/// Evaluation: the running mean and variance instead. Only this library's layers derive from it; they differ
/// only in the input shapes they accept.
/// </summary>
public abstract class BatchNorm : Layer
{
    private readonly BatchNormCore _core;
    private int _spatial = 1;

    private protected BatchNorm(int channels, double momentum, double epsilon, string? name)
        : base(name)
    {
        _core = new BatchNormCore(channels, momentum, epsilon);
    }

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

    /// <summary>The number of channels (features) normalised separately.</summary>
    private protected int ChannelCount => _core.Channels;

    /// <inheritdoc />
    public sealed override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        return _core.Forward(input, _spatial, context);
    }

    /// <inheritdoc />
    public sealed override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _core.Backward(outputGradient, _spatial, InputGradientRequired, context);
    }

    /// <summary>Creates γ, β and the running statistics for an accepted item shape whose channels each span
    /// <paramref name="spatial"/> positions, and returns the output item shape (the input's).</summary>
    private protected int[] BuildFor(int[] inputShape, int spatial)
    {
        _spatial = spatial;
        var c = _core.Channels;
        _core.Attach(
            AddParameter("weight", [c], Initializer.Ones, c, c),
            AddParameter("bias", [c], Initializer.Zeros, c, c),
            AddParameter("running_mean", [c], Initializer.Zeros, c, c, trainable: false),
            AddParameter("running_var", [c], Initializer.Ones, c, c, trainable: false));
        return (int[])inputShape.Clone();
    }
}
