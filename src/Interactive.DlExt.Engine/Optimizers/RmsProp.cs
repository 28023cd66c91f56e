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
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0. The default is 0.001.</param>
    /// <param name="beta">β, the decay of the running mean of g², in [0, 1). The default is 0.9.</param>
    /// <param name="epsilon">ε, &gt; 0, added to √v. The default is 1e-8.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled: g ← g + λθ). The default is 0.</param>
    public RmsProp(double learningRate = 0.001, double beta = 0.9, double epsilon = 1e-8, double weightDecay = 0)
        : base(learningRate, weightDecay, stateBuffers: 1)
    {
        Beta = CheckBeta(beta, nameof(beta));
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
        WeightDecay = weightDecay;
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
    private protected override void Update(OptimizerChunk chunk) =>
        chunk.Apply(new Rule((float)chunk.LearningRate, (float)Beta, (float)(1 - Beta), (float)Epsilon, (float)WeightDecay));

    private readonly struct Rule(float eta, float beta, float oneMinusBeta, float epsilon, float lambda) : IParameterRule
    {
        public static int States => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update<T>(ref T theta, T gradient, ref T meanSquare, ref T second)
            where T : struct, ILanes<T>
        {
            var g = gradient + (T.Create(lambda) * theta);
            meanSquare = (T.Create(beta) * meanSquare) + (T.Create(oneMinusBeta) * (g * g));
            theta -= T.Create(eta) * g / (T.Sqrt(meanSquare) + T.Create(epsilon));
        }
    }
}
