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
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="momentum">μ, in [0, 1). The default is 0.9.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled: g ← g + λθ). The default is 0.</param>
    public Nesterov(double learningRate, double momentum = 0.9, double weightDecay = 0)
        : base(learningRate, weightDecay, stateBuffers: 1)
    {
        Momentum = CheckBeta(momentum, nameof(momentum));
        WeightDecay = weightDecay;
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
    private protected override void Update(OptimizerChunk chunk) =>
        chunk.Apply(new Rule((float)chunk.LearningRate, (float)(chunk.Momentum ?? Momentum), (float)WeightDecay));

    private readonly struct Rule(float eta, float mu, float lambda) : IParameterRule
    {
        public static int States => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update<T>(ref T theta, T gradient, ref T velocity, ref T second)
            where T : struct, ILanes<T>
        {
            var g = gradient + (T.Create(lambda) * theta);
            velocity = (T.Create(mu) * velocity) + g;
            theta -= T.Create(eta) * (g + (T.Create(mu) * velocity));
        }
    }
}
