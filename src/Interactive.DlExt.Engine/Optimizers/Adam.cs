using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Interactive.DlExt;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1), with optional coupled
/// L2 weight decay as in PyTorch's <c>torch.optim.Adam(weight_decay=λ)</c> (for decoupled decay use <see cref="AdamW"/>).
/// At step t = 1, 2, …:
/// <code>
/// g  ← g + λθ
/// m  ← β₁m + (1−β₁)g
/// v  ← β₂v + (1−β₂)g²
/// m̂  = m / (1−β₁ᵗ)
/// v̂  = v / (1−β₂ᵗ)
/// θ  ← θ − η·m̂ / (√v̂ + ε)
/// </code>
/// m and v start at 0; the bias corrections 1−βᵗ are computed once per step in double precision.
/// </summary>
public sealed class Adam : Optimizer
{
    private float[]? _firstMoment;
    private float[]? _secondMoment;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0. The default is 0.001.</param>
    /// <param name="beta1">β₁, the decay of the gradient mean m, in [0, 1). The default is 0.9.</param>
    /// <param name="beta2">β₂, the decay of the squared-gradient mean v, in [0, 1). The default is 0.999.</param>
    /// <param name="epsilon">ε, &gt; 0, added to √v̂. The default is 1e-8.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled L2: g ← g + λθ). The default is 0.</param>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
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

    /// <summary>λ, the coupled L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "adam";

    /// <inheritdoc />
    public override string Formula =>
        "m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  θ ← θ − η·m̂/(√v̂ + ε)   (g includes λθ)";

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
        var lambda = (float)WeightDecay;
        FusedPass.Run(parameters, learningRate, pool, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (theta, gradient, offset) =>
            Update(theta, gradient, m.AsSpan(offset, theta.Length), v.AsSpan(offset, theta.Length), k, coupledDecay: lambda, decoupledDecay: 0f));
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

    /// <summary>The Adam update of one chunk, line by line:
    /// g ← g + λ_c·θ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  θ ← θ − η·m̂/(√v̂ + ε),
    /// after AdamW's decoupled θ ← θ − ηλθ when <paramref name="decoupledDecay"/> (= ηλ) is not 0. The divisions
    /// by 1−βᵗ are multiplications by the reciprocal. Every lane computes exactly the scalar tail's operations
    /// (no FMA), so the 512-bit, 256-bit and scalar forms give the same bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Update(Span<float> theta, ReadOnlySpan<float> gradient, Span<float> firstMoment, Span<float> secondMoment,
        AdamConstants k, float coupledDecay, float decoupledDecay)
    {
        ref var t0 = ref MemoryMarshal.GetReference(theta);
        ref var g0 = ref MemoryMarshal.GetReference(gradient);
        ref var m0 = ref MemoryMarshal.GetReference(firstMoment);
        ref var v0 = ref MemoryMarshal.GetReference(secondMoment);
        var n = theta.Length;
        if (gradient.Length < n || firstMoment.Length < n || secondMoment.Length < n)
        {
            throw new ArgumentException("The gradient and moment chunks must be as long as the parameter chunk.", nameof(gradient));
        }

        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var u = (nuint)i;
                var t = Vector512.LoadUnsafe(ref t0, u);
                t -= decoupledDecay * t;
                var g = Vector512.LoadUnsafe(ref g0, u) + (coupledDecay * t);
                var m = (k.Beta1 * Vector512.LoadUnsafe(ref m0, u)) + (k.OneMinusBeta1 * g);
                var v = (k.Beta2 * Vector512.LoadUnsafe(ref v0, u)) + (k.OneMinusBeta2 * (g * g));
                var mHat = m * k.InverseCorrection1;
                var vHat = v * k.InverseCorrection2;
                m.StoreUnsafe(ref m0, u);
                v.StoreUnsafe(ref v0, u);
                (t - (k.Eta * mHat / (Vector512.Sqrt(vHat) + Vector512.Create(k.Epsilon)))).StoreUnsafe(ref t0, u);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var u = (nuint)i;
                var t = Vector256.LoadUnsafe(ref t0, u);
                t -= decoupledDecay * t;
                var g = Vector256.LoadUnsafe(ref g0, u) + (coupledDecay * t);
                var m = (k.Beta1 * Vector256.LoadUnsafe(ref m0, u)) + (k.OneMinusBeta1 * g);
                var v = (k.Beta2 * Vector256.LoadUnsafe(ref v0, u)) + (k.OneMinusBeta2 * (g * g));
                var mHat = m * k.InverseCorrection1;
                var vHat = v * k.InverseCorrection2;
                m.StoreUnsafe(ref m0, u);
                v.StoreUnsafe(ref v0, u);
                (t - (k.Eta * mHat / (Vector256.Sqrt(vHat) + Vector256.Create(k.Epsilon)))).StoreUnsafe(ref t0, u);
            }
        }

        for (; i < n; i++)
        {
            var t = theta[i];
            t -= decoupledDecay * t;
            var g = gradient[i] + (coupledDecay * t);
            var m = (k.Beta1 * firstMoment[i]) + (k.OneMinusBeta1 * g);
            var v = (k.Beta2 * secondMoment[i]) + (k.OneMinusBeta2 * (g * g));
            var mHat = m * k.InverseCorrection1;
            var vHat = v * k.InverseCorrection2;
            firstMoment[i] = m;
            secondMoment[i] = v;
            theta[i] = t - (k.Eta * mHat / (MathF.Sqrt(vHat) + k.Epsilon));
        }
    }
}
