using System.Numerics;
using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Gradient descent with momentum (Polyak, 1964), in one of two forms chosen by <see cref="MomentumForm"/>.
/// With coupled weight decay first (g ← g + λθ), then:
/// <code>
/// ExponentialAverage (Andrew Ng's course):   Classical (PyTorch SGD with momentum):
///   v ← βv + (1−β)g                            v ← μv + g
///   θ ← θ − ηv                                 θ ← θ − ηv
/// </code>
/// The exponential-average velocity is a weighted mean of recent gradients; the classical one is their
/// decaying sum, about 1/(1−μ) times larger, so it needs a learning rate that much smaller for the same step.
/// v starts at 0 (so the first classical step is ηg, as in PyTorch; the first exponential-average step is η(1−β)g).
/// </summary>
public sealed class Momentum : Optimizer
{
    private float[]? _velocity;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="beta">β (exponential-average form) or μ (classical form), in [0, 1). The default is 0.9.</param>
    /// <param name="form">Which rule to use. The default is <see cref="MomentumForm.ExponentialAverage"/>.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled: g ← g + λθ). The default is 0.</param>
    public Momentum(double learningRate, double beta = 0.9, MomentumForm form = MomentumForm.ExponentialAverage, double weightDecay = 0)
        : base(learningRate)
    {
        Beta = FusedPass.Beta(beta, nameof(beta));
        Form = Enum.IsDefined(form) ? form : throw new DlExtArgumentException(nameof(form), form.ToString(), "ExponentialAverage or Classical");
        WeightDecay = Guard.NonNegative(weightDecay, "weight decay");
    }

    /// <summary>β in the exponential-average form, μ in the classical form.</summary>
    public double Beta { get; }

    /// <summary>Which momentum rule is used.</summary>
    public MomentumForm Form { get; }

    /// <summary>λ, the coupled L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "momentum";

    /// <inheritdoc />
    public override string Formula => Form == MomentumForm.Classical
        ? "v ← μv + g;  θ ← θ − ηv   (classical form, g includes λθ)"
        : "v ← βv + (1−β)g;  θ ← θ − ηv   (exponential-average form, g includes λθ)";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Step(ParameterStore parameters, double learningRate, ComputePool pool)
    {
        FusedPass.Check(parameters, learningRate, pool);
        var velocity = TrainableState(ref _velocity, parameters);
        var eta = (float)learningRate;
        var beta = (float)Beta;
        var oneMinusBeta = (float)(1 - Beta);
        var lambda = (float)WeightDecay;
        if (Form == MomentumForm.Classical)
        {
            FusedPass.Run(parameters, learningRate, pool, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (theta, gradient, offset) =>
                UpdateClassical(theta, gradient, velocity.AsSpan(offset, theta.Length), eta, beta, lambda));
        }
        else
        {
            FusedPass.Run(parameters, learningRate, pool, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (theta, gradient, offset) =>
                UpdateExponentialAverage(theta, gradient, velocity.AsSpan(offset, theta.Length), eta, beta, oneMinusBeta, lambda));
        }

        StepCount++;
    }

    /// <inheritdoc />
    protected internal override bool ClearsGradients => true;

    /// <inheritdoc />
    public override void Reset()
    {
        _velocity = null;
        StepCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateExponentialAverage(Span<float> theta, ReadOnlySpan<float> gradient, Span<float> velocity,
        float eta, float beta, float oneMinusBeta, float lambda)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= theta.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var t = new Vector<float>(theta[i..]);
                var g = new Vector<float>(gradient[i..]) + (lambda * t);
                var v = (beta * new Vector<float>(velocity[i..])) + (oneMinusBeta * g);
                v.CopyTo(velocity[i..]);
                (t - (eta * v)).CopyTo(theta[i..]);
            }
        }

        for (; i < theta.Length; i++)
        {
            var g = gradient[i] + (lambda * theta[i]);
            velocity[i] = (beta * velocity[i]) + (oneMinusBeta * g);
            theta[i] -= eta * velocity[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateClassical(Span<float> theta, ReadOnlySpan<float> gradient, Span<float> velocity,
        float eta, float mu, float lambda)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= theta.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var t = new Vector<float>(theta[i..]);
                var g = new Vector<float>(gradient[i..]) + (lambda * t);
                var v = (mu * new Vector<float>(velocity[i..])) + g;
                v.CopyTo(velocity[i..]);
                (t - (eta * v)).CopyTo(theta[i..]);
            }
        }

        for (; i < theta.Length; i++)
        {
            var g = gradient[i] + (lambda * theta[i]);
            velocity[i] = (mu * velocity[i]) + g;
            theta[i] -= eta * velocity[i];
        }
    }
}
