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
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0. The default is 0.01.</param>
    /// <param name="epsilon">ε, &gt; 0, added to √G. The default is 1e-10.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled: g ← g + λθ). The default is 0.</param>
    public AdaGrad(double learningRate = 0.01, double epsilon = 1e-10, double weightDecay = 0)
        : base(learningRate, weightDecay, stateBuffers: 1)
    {
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
        WeightDecay = weightDecay;
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
    private protected override void Update(OptimizerChunk chunk) =>
        chunk.Apply(new Rule((float)chunk.LearningRate, (float)Epsilon, (float)WeightDecay));

    private readonly struct Rule(float eta, float epsilon, float lambda) : IParameterRule
    {
        public static int States => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update<T>(ref T theta, T gradient, ref T sumOfSquares, ref T second)
            where T : struct, ILanes<T>
        {
            var g = gradient + (T.Create(lambda) * theta);
            sumOfSquares += g * g;
            theta -= T.Create(eta) * g / (T.Sqrt(sumOfSquares) + T.Create(epsilon));
        }
    }
}
