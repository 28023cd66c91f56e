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
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="weightDecay">λ, ≥ 0 (added to the gradient as λθ). The default is 0.</param>
    public Sgd(double learningRate, double weightDecay = 0)
        : base(learningRate, weightDecay, stateBuffers: 0)
    {
        WeightDecay = weightDecay;
    }

    /// <summary>λ, the coupled L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "sgd";

    /// <inheritdoc />
    public override string Formula => "θ ← θ − η(g + λθ)";

    /// <inheritdoc />
    private protected override void Update(OptimizerChunk chunk) =>
        chunk.Apply(new Rule((float)chunk.LearningRate, (float)WeightDecay));

    private readonly struct Rule(float eta, float lambda) : IParameterRule
    {
        public static int States => 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update<T>(ref T theta, T gradient, ref T first, ref T second)
            where T : struct, ILanes<T>
        {
            var g = gradient + (T.Create(lambda) * theta);
            theta -= T.Create(eta) * g;
        }
    }
}
