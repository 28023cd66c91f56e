using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Gradient descent with momentum (Polyak, 1964), in one of two forms chosen by <see cref="MomentumForm"/>.
/// With coupled weight decay first (g ← g + λθ), then:
/// <code>
/// ExponentialAverage (Andrew Ng's course):   Classical (PyTorch SGD with momentum):
///   v ← βv + (1−β)g                            v ← μv + g
///   θ ← θ − ηv                                 θ ← θ − ηv
/// </code>
/// The exponential-average velocity is a weighted mean of recent gradients; the classical one is their
/// decaying sum, about 1/(1−μ) times larger, so it needs a learning rate that much smaller for the same step.
/// v starts at 0 (so the first classical step is ηg, as in PyTorch; the first exponential-average step is η(1−β)g).
/// </summary>
public sealed class Momentum : Optimizer
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="beta">β (exponential-average form) or μ (classical form), in [0, 1). The default is 0.9.</param>
    /// <param name="form">Which rule to use. The default is <see cref="MomentumForm.ExponentialAverage"/>.</param>
    /// <param name="weightDecay">λ, ≥ 0 (coupled: g ← g + λθ). The default is 0.</param>
    public Momentum(double learningRate, double beta = 0.9, MomentumForm form = MomentumForm.ExponentialAverage, double weightDecay = 0)
        : base(learningRate, weightDecay, stateBuffers: 1)
    {
        Beta = CheckBeta(beta, nameof(beta));
        Form = Enum.IsDefined(form) ? form : throw new DlExtArgumentException(nameof(form), form.ToString(), "ExponentialAverage or Classical");
        WeightDecay = weightDecay;
    }

    /// <summary>β in the exponential-average form, μ in the classical form.</summary>
    public double Beta { get; }

    /// <summary>Which momentum rule is used.</summary>
    public MomentumForm Form { get; }

    /// <summary>λ, the coupled L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc />
    public override string Name => "momentum";

    /// <inheritdoc />
    public override string Formula => Form == MomentumForm.Classical
        ? "v ← μv + g;  θ ← θ − ηv   (classical form, g includes λθ)"
        : "v ← βv + (1−β)g;  θ ← θ − ηv   (exponential-average form, g includes λθ)";

    /// <inheritdoc />
    private protected override void Update(OptimizerChunk chunk)
    {
        var eta = (float)chunk.LearningRate;
        var beta = chunk.Momentum ?? Beta;
        if (Form == MomentumForm.Classical)
        {
            chunk.Apply(new ClassicalRule(eta, (float)beta, (float)WeightDecay));
        }
        else
        {
            chunk.Apply(new ExponentialAverageRule(eta, (float)beta, (float)(1 - beta), (float)WeightDecay));
        }
    }

    private readonly struct ExponentialAverageRule(float eta, float beta, float oneMinusBeta, float lambda) : IParameterRule
    {
        public static int States => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update<T>(ref T theta, T gradient, ref T velocity, ref T second)
            where T : struct, ILanes<T>
        {
            var g = gradient + (T.Create(lambda) * theta);
            velocity = (T.Create(beta) * velocity) + (T.Create(oneMinusBeta) * g);
            theta -= T.Create(eta) * velocity;
        }
    }

    private readonly struct ClassicalRule(float eta, float mu, float lambda) : IParameterRule
    {
        public static int States => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Update<T>(ref T theta, T gradient, ref T velocity, ref T second)
            where T : struct, ILanes<T>
        {
            var g = gradient + (T.Create(lambda) * theta);
            velocity = (T.Create(mu) * velocity) + g;
            theta -= T.Create(eta) * velocity;
        }
    }
}
