namespace Interactive.DlExt;

/// <summary>Which of the two textbook momentum rules <see cref="Momentum"/> uses. Both keep a velocity v;
/// they differ in how much of the gradient enters it, so the same η gives steps about 1/(1−β) times
/// larger in the classical form (10× for β = 0.9).</summary>
public enum MomentumForm
{
    /// <summary>v ← βv + (1−β)g, θ ← θ − ηv: v is an exponential moving average of the gradients
    /// (Andrew Ng's Deep Learning Specialization). The step size stays about η·|g|.</summary>
    ExponentialAverage,

    /// <summary>v ← μv + g, θ ← θ − ηv: v is a decaying sum of gradients (Polyak's heavy ball; the form of
    /// PyTorch's <c>SGD(momentum=μ)</c>). The step grows towards η·|g|/(1−μ).</summary>
    Classical,
}
