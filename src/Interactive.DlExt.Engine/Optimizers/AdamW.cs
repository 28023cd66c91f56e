using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter, 2019, "Decoupled Weight Decay Regularization"): the weights decay directly,
/// outside the adaptive step, instead of through the gradient (as PyTorch's <c>torch.optim.AdamW</c>, where the
/// decay is also scaled by the step's learning rate η). At step t = 1, 2, …:
/// <code>
/// θ  ← θ − ηλθ
/// m  ← β₁m + (1−β₁)g
/// v  ← β₂v + (1−β₂)g²
/// m̂  = m / (1−β₁ᵗ)
/// v̂  = v / (1−β₂ᵗ)
/// θ  ← θ − η·m̂ / (√v̂ + ε)
/// </code>
/// m and v start at 0; ηλ and the bias corrections are computed once per step in double precision.
/// </summary>
public sealed class AdamW : Optimizer
{
    private float[]? _firstMoment;
    private float[]? _secondMoment;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0. The default is 0.001.</param>
    /// <param name="beta1">β₁, the decay of the gradient mean m, in [0, 1). The default is 0.9.</param>
    /// <param name="beta2">β₂, the decay of the squared-gradient mean v, in [0, 1). The default is 0.999.</param>
    /// <param name="epsilon">ε, &gt; 0, added to √v̂. The default is 1e-8.</param>
    /// <param name="weightDecay">λ, ≥ 0 (decoupled: θ ← θ − ηλθ). The default is 0.01.</param>
    public AdamW(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01)
        : base(learningRate)
    {
        Beta1 = FusedPass.Beta(beta1, nameof(beta1));
        Beta2 = FusedPass.Beta(beta2, nameof(beta2));
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
        WeightDecay = Guard.NonNegative(weightDecay, "weight decay");
    }

    /// <summary>β₁, the decay of the first moment (gradient mean).</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second moment (squared-gradient mean).</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂ to avoid dividing by zero.</summary>
    public double Epsilon { get; }

    /// <summary>λ, the decoupled weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "adamw";

    /// <inheritdoc />
    public override string Formula =>
        "θ ← θ − ηλθ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  θ ← θ − η·m̂/(√v̂ + ε)";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Step(ParameterStore parameters, double learningRate, ComputePool pool)
    {
        FusedPass.Check(parameters, learningRate, pool);
        // Both moments are always replaced together, so a new model restarts t at 1 with m = v = 0.
        var m = TrainableState(ref _firstMoment, parameters);
        var v = TrainableState(ref _secondMoment, parameters);
        var t = StepCount + 1;
        var k = new AdamConstants(learningRate, Beta1, Beta2, Epsilon, t);
        var etaLambda = (float)(learningRate * WeightDecay);
        FusedPass.Run(parameters, learningRate, pool, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (theta, gradient, offset) =>
            Adam.Update(theta, gradient, m.AsSpan(offset, theta.Length), v.AsSpan(offset, theta.Length), k, coupledDecay: 0f, decoupledDecay: etaLambda));
        StepCount = t;
    }

    /// <inheritdoc />
    protected internal override bool ClearsGradients => true;

    /// <inheritdoc />
    public override void Reset()
    {
        _firstMoment = null;
        _secondMoment = null;
        StepCount = 0;
    }

}
