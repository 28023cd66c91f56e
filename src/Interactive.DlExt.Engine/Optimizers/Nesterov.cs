using System.Numerics;
using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Nesterov accelerated gradient (Nesterov, 1983; Sutskever et al., 2013) in PyTorch's formulation
/// (<c>SGD(momentum=μ, nesterov=True)</c>), which looks ahead along the velocity without a second gradient:
/// <code>
/// g ← g + λθ
/// v ← μv + g
/// θ ← θ − η(g + μv)
/// </code>
/// v starts at 0.
/// </summary>
public sealed class Nesterov : Optimizer
{
    private float[]? _velocity;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="momentum">μ, in [0, 1). The default is 0.9.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled: g ← g + λθ). The default is 0.</param>
    public Nesterov(double learningRate, double momentum = 0.9, double weightDecay = 0)
        : base(learningRate)
    {
        Momentum = FusedPass.Beta(momentum, nameof(momentum));
        WeightDecay = Guard.NonNegative(weightDecay, "weight decay");
    }

    /// <summary>μ, the momentum coefficient.</summary>
    public double Momentum { get; }

    /// <summary>λ, the coupled L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "nesterov";

    /// <inheritdoc />
    public override string Formula => "v ← μv + g;  θ ← θ − η(g + μv)   (g includes λθ)";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Step(ParameterStore parameters, double learningRate, ComputePool pool)
    {
        FusedPass.Check(parameters, learningRate, pool);
        var velocity = TrainableState(ref _velocity, parameters);
        var eta = (float)learningRate;
        var mu = (float)Momentum;
        var lambda = (float)WeightDecay;
        FusedPass.Run(parameters, learningRate, pool, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (theta, gradient, offset) =>
            Update(theta, gradient, velocity.AsSpan(offset, theta.Length), eta, mu, lambda));
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
    private static void Update(Span<float> theta, ReadOnlySpan<float> gradient, Span<float> velocity, float eta, float mu, float lambda)
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
                (t - (eta * (g + (mu * v)))).CopyTo(theta[i..]);
            }
        }

        for (; i < theta.Length; i++)
        {
            var g = gradient[i] + (lambda * theta[i]);
            velocity[i] = (mu * velocity[i]) + g;
            theta[i] -= eta * (g + (mu * velocity[i]));
        }
    }
}
