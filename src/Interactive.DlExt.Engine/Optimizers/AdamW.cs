namespace Interactive.DlExt;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter, 2019, "Decoupled Weight Decay Regularization"): <see cref="Adam"/> whose weights
/// decay directly, outside the adaptive step, instead of through the gradient (as PyTorch's <c>torch.optim.AdamW</c>,
/// where the decay is also scaled by the step's learning rate η). At step t = 1, 2, …:
/// <code>
/// θ  ← θ − ηλθ
/// m  ← β₁m + (1−β₁)g
/// v  ← β₂v + (1−β₂)g²
/// m̂  = m / (1−β₁ᵗ)
/// v̂  = v / (1−β₂ᵗ)
/// θ  ← θ − η·m̂ / (√v̂ + ε)
/// </code>
/// The same as <c>new Adam(…, decoupledWeightDecay: true)</c>, with a default λ of 0.01.
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">η, &gt; 0. The default is 0.001.</param>
    /// <param name="beta1">β₁, the decay of the gradient mean m, in [0, 1). The default is 0.9.</param>
    /// <param name="beta2">β₂, the decay of the squared-gradient mean v, in [0, 1). The default is 0.999.</param>
    /// <param name="epsilon">ε, &gt; 0, added to √v̂. The default is 1e-8.</param>
    /// <param name="weightDecay">λ, ≥ 0 (decoupled: θ ← θ − ηλθ). The default is 0.01.</param>
    public AdamW(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0.01)
        : base(learningRate, beta1, beta2, epsilon, weightDecay, decoupledWeightDecay: true)
    {
    }
}
