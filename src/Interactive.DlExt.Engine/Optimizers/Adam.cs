using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1), with optional weight
/// decay λ, coupled (L2, as PyTorch's <c>torch.optim.Adam(weight_decay=λ)</c>) or, with
/// <c>decoupledWeightDecay</c>, decoupled (AdamW, Loshchilov &amp; Hutter 2019, as <c>torch.optim.AdamW</c>; see
/// <see cref="AdamW"/>). At step t = 1, 2, …:
/// <code>
/// θ  ← θ − ηλθ          (decoupled only)
/// g  ← g + λθ           (coupled only)
/// m  ← β₁m + (1−β₁)g
/// v  ← β₂v + (1−β₂)g²
/// m̂  = m / (1−β₁ᵗ)
/// v̂  = v / (1−β₂ᵗ)
/// θ  ← θ − η·m̂ / (√v̂ + ε)
/// </code>
/// m and v start at 0; ηλ and the bias corrections 1−βᵗ are computed once per step in double precision.
/// </summary>
public class Adam : Optimizer
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0. The default is 0.001.</param>
    /// <param name="beta1">β₁, the decay of the gradient mean m, in [0, 1). The default is 0.9.</param>
    /// <param name="beta2">β₂, the decay of the squared-gradient mean v, in [0, 1). The default is 0.999.</param>
    /// <param name="epsilon">ε, &gt; 0, added to √v̂. The default is 1e-8.</param>
    /// <param name="weightDecay">λ, ≥ 0. The default is 0.</param>
    /// <param name="decoupledWeightDecay">Whether λ decays θ directly (θ ← θ − ηλθ, AdamW) instead of entering the
    /// gradient (g ← g + λθ). The default is false.</param>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0,
        bool decoupledWeightDecay = false)
        : base(learningRate, weightDecay, stateBuffers: 2)
    {
        Beta1 = CheckBeta(beta1, nameof(beta1));
        Beta2 = CheckBeta(beta2, nameof(beta2));
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
        WeightDecay = weightDecay;
        DecoupledWeightDecay = decoupledWeightDecay;
    }

    /// <summary>β₁, the decay of the first moment (gradient mean).</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second moment (squared-gradient mean).</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂ to avoid dividing by zero.</summary>
    public double Epsilon { get; }

    /// <summary>λ, the weight decay (see <see cref="DecoupledWeightDecay"/>).</summary>
    public double WeightDecay { get; }

    /// <summary>Whether λ decays θ directly (θ ← θ − ηλθ, AdamW) rather than as coupled L2 (g ← g + λθ).</summary>
    public bool DecoupledWeightDecay { get; }

    /// <inheritdoc />
    public sealed override string Name => DecoupledWeightDecay ? "adamw" : "adam";

    /// <inheritdoc />
    public sealed override string Formula => DecoupledWeightDecay
        ? "θ ← θ − ηλθ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  θ ← θ − η·m̂/(√v̂ + ε)"
        : "m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  θ ← θ − η·m̂/(√v̂ + ε)   (g includes λθ)";

    /// <inheritdoc />
    private protected sealed override void Update(OptimizerChunk chunk)
    {
        var k = new AdamConstants(chunk.LearningRate, chunk.Momentum ?? Beta1, Beta2, Epsilon, chunk.Step);
        chunk.Apply(DecoupledWeightDecay
            ? new Rule(k, coupledDecay: 0f, decoupledDecay: (float)(chunk.LearningRate * WeightDecay))
            : new Rule(k, coupledDecay: (float)WeightDecay, decoupledDecay: 0f));
    }

    /// <summary>One rule for both kinds of decay: the one not in use is 0 (the divisions by 1−βᵗ are
    /// multiplications by the reciprocal).</summary>
    private readonly struct Rule(AdamConstants k, float coupledDecay, float decoupledDecay) : IParameterRule
    {
        public static int States => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update<T>(ref T theta, T gradient, ref T m, ref T v)
            where T : struct, ILanes<T>
        {
            theta -= T.Create(decoupledDecay) * theta;
            var g = gradient + (T.Create(coupledDecay) * theta);
            m = (T.Create(k.Beta1) * m) + (T.Create(k.OneMinusBeta1) * g);
            v = (T.Create(k.Beta2) * v) + (T.Create(k.OneMinusBeta2) * (g * g));
            var mHat = m * T.Create(k.InverseCorrection1);
            var vHat = v * T.Create(k.InverseCorrection2);
            theta -= T.Create(k.Eta) * mHat / (T.Sqrt(vHat) + T.Create(k.Epsilon));
        }
    }
}
