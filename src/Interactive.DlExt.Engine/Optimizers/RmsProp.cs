using System.Numerics;
using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// RMSProp (Hinton, Srivastava &amp; Swersky, Coursera "Neural Networks for Machine Learning", lecture 6e):
/// divide the gradient by a running root-mean-square of recent gradients. ε is added outside the root,
/// as in PyTorch's <c>torch.optim.RMSprop</c> (whose α is this β):
/// <code>
/// g ← g + λθ
/// v ← βv + (1−β)g²
/// θ ← θ − η·g / (√v + ε)
/// </code>
/// v starts at 0.
/// </summary>
public sealed class RmsProp : Optimizer
{
    private float[]? _meanSquare;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0. The default is 0.001.</param>
    /// <param name="beta">β, the decay of the running mean of g², in [0, 1). The default is 0.9.</param>
    /// <param name="epsilon">ε, &gt; 0, added to √v. The default is 1e-8.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled: g ← g + λθ). The default is 0.</param>
    public RmsProp(double learningRate = 0.001, double beta = 0.9, double epsilon = 1e-8, double weightDecay = 0)
        : base(learningRate)
    {
        Beta = FusedPass.Beta(beta, nameof(beta));
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
        WeightDecay = Guard.NonNegative(weightDecay, "weight decay");
    }

    /// <summary>β, the decay of the running mean of squared gradients.</summary>
    public double Beta { get; }

    /// <summary>ε, added to √v to avoid dividing by zero.</summary>
    public double Epsilon { get; }

    /// <summary>λ, the coupled L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "rmsprop";

    /// <inheritdoc />
    public override string Formula => "v ← βv + (1−β)g²;  θ ← θ − η·g / (√v + ε)   (g includes λθ)";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Step(ParameterStore parameters, double learningRate, ComputePool pool)
    {
        FusedPass.Check(parameters, learningRate, pool);
        var meanSquare = TrainableState(ref _meanSquare, parameters);
        var eta = (float)learningRate;
        var beta = (float)Beta;
        var oneMinusBeta = (float)(1 - Beta);
        var epsilon = (float)Epsilon;
        var lambda = (float)WeightDecay;
        FusedPass.Run(parameters, learningRate, pool, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (theta, gradient, offset) =>
            Update(theta, gradient, meanSquare.AsSpan(offset, theta.Length), eta, beta, oneMinusBeta, epsilon, lambda));
        StepCount++;
    }

    /// <inheritdoc />
    protected internal override bool ClearsGradients => true;

    /// <inheritdoc />
    public override void Reset()
    {
        _meanSquare = null;
        StepCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Update(Span<float> theta, ReadOnlySpan<float> gradient, Span<float> meanSquare,
        float eta, float beta, float oneMinusBeta, float epsilon, float lambda)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= theta.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var t = new Vector<float>(theta[i..]);
                var g = new Vector<float>(gradient[i..]) + (lambda * t);
                var v = (beta * new Vector<float>(meanSquare[i..])) + (oneMinusBeta * (g * g));
                v.CopyTo(meanSquare[i..]);
                (t - (eta * g / (Vector.SquareRoot(v) + new Vector<float>(epsilon)))).CopyTo(theta[i..]);
            }
        }

        for (; i < theta.Length; i++)
        {
            var g = gradient[i] + (lambda * theta[i]);
            meanSquare[i] = (beta * meanSquare[i]) + (oneMinusBeta * (g * g));
            theta[i] -= eta * g / (MathF.Sqrt(meanSquare[i]) + epsilon);
        }
    }
}
