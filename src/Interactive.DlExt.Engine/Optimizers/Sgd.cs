using System.Numerics;
using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Plain stochastic gradient descent (Robbins &amp; Monro, 1951), with optional coupled L2 weight decay:
/// <code>
/// g ← g + λθ
/// θ ← θ − η·g
/// </code>
/// i.e. θ ← θ − η(g + λθ). With λ = 0 this is PyTorch's <c>torch.optim.SGD(lr=η)</c>.
/// </summary>
public sealed class Sgd : Optimizer
{
    // SGD keeps no state, but like the others it restarts its step count when handed a model of another size.
    private int _length = -1;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="weightDecay">λ, ≥ 0 (added to the gradient as λθ). The default is 0.</param>
    public Sgd(double learningRate, double weightDecay = 0)
        : base(learningRate)
    {
        WeightDecay = Guard.NonNegative(weightDecay, "weight decay");
    }

    /// <summary>λ, the coupled L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "sgd";

    /// <inheritdoc />
    public override string Formula => "θ ← θ − η(g + λθ)";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Step(ParameterStore parameters, double learningRate, ComputePool pool)
    {
        FusedPass.Check(parameters, learningRate, pool);
        if (_length != parameters.TrainableCount)
        {
            _length = parameters.TrainableCount;
            StepCount = 0;
        }

        var eta = (float)learningRate;
        var lambda = (float)WeightDecay;
        FusedPass.Run(parameters, learningRate, pool, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (theta, gradient, _) => Update(theta, gradient, eta, lambda));
        StepCount++;
    }

    /// <inheritdoc />
    protected internal override bool ClearsGradients => true;

    /// <inheritdoc />
    public override void Reset()
    {
        _length = -1;
        StepCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Update(Span<float> theta, ReadOnlySpan<float> gradient, float eta, float lambda)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= theta.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var t = new Vector<float>(theta[i..]);
                var g = new Vector<float>(gradient[i..]) + (lambda * t);
                (t - (eta * g)).CopyTo(theta[i..]);
            }
        }

        // The tail repeats the vector body's operations in the same order (no FMA in either), so an element
        // gets the same bits whichever path updates it.
        for (; i < theta.Length; i++)
        {
            var g = gradient[i] + (lambda * theta[i]);
            theta[i] -= eta * g;
        }
    }
}
