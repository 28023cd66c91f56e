using System.Numerics;
using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// AdaGrad (Duchi, Hazan &amp; Singer, 2011, "Adaptive Subgradient Methods"): each parameter's step shrinks
/// with the sum of its squared gradients. As in PyTorch's <c>torch.optim.Adagrad</c>, ε is added to the
/// square root, outside it:
/// <code>
/// g ← g + λθ
/// G ← G + g²
/// θ ← θ − η·g / (√G + ε)
/// </code>
/// G starts at 0.
/// </summary>
public sealed class AdaGrad : Optimizer
{
    private float[]? _sumOfSquares;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0. The default is 0.01.</param>
    /// <param name="epsilon">ε, &gt; 0, added to √G. The default is 1e-10.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled: g ← g + λθ). The default is 0.</param>
    public AdaGrad(double learningRate = 0.01, double epsilon = 1e-10, double weightDecay = 0)
        : base(learningRate)
    {
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
        WeightDecay = Guard.NonNegative(weightDecay, "weight decay");
    }

    /// <summary>ε, added to √G to avoid dividing by zero.</summary>
    public double Epsilon { get; }

    /// <summary>λ, the coupled L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "adagrad";

    /// <inheritdoc />
    public override string Formula => "G ← G + g²;  θ ← θ − η·g / (√G + ε)   (g includes λθ)";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Step(ParameterStore parameters, double learningRate, ComputePool pool)
    {
        FusedPass.Check(parameters, learningRate, pool);
        var sumOfSquares = TrainableState(ref _sumOfSquares, parameters);
        var eta = (float)learningRate;
        var epsilon = (float)Epsilon;
        var lambda = (float)WeightDecay;
        FusedPass.Run(parameters, learningRate, pool, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (theta, gradient, offset) =>
            Update(theta, gradient, sumOfSquares.AsSpan(offset, theta.Length), eta, epsilon, lambda));
        StepCount++;
    }

    /// <inheritdoc />
    protected internal override bool ClearsGradients => true;

    /// <inheritdoc />
    public override void Reset()
    {
        _sumOfSquares = null;
        StepCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Update(Span<float> theta, ReadOnlySpan<float> gradient, Span<float> sumOfSquares, float eta, float epsilon, float lambda)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= theta.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var t = new Vector<float>(theta[i..]);
                var g = new Vector<float>(gradient[i..]) + (lambda * t);
                var G = new Vector<float>(sumOfSquares[i..]) + (g * g);
                G.CopyTo(sumOfSquares[i..]);
                (t - (eta * g / (Vector.SquareRoot(G) + new Vector<float>(epsilon)))).CopyTo(theta[i..]);
            }
        }

        for (; i < theta.Length; i++)
        {
            var g = gradient[i] + (lambda * theta[i]);
            sumOfSquares[i] += g * g;
            theta[i] -= eta * g / (MathF.Sqrt(sumOfSquares[i]) + epsilon);
        }
    }
}
