namespace Interactive.DlExt;

/// <summary>
/// L1 and L2 weight penalties added to the loss (textbook form, Goodfellow, Bengio &amp; Courville, "Deep Learning",
/// §7.1, with the ½ in the L2 term so its gradient is λ₂w, the same as an optimizer's coupled weight decay λ):
/// <code>
/// Ω = λ₁ Σ|w| + ½ λ₂ Σ w²
/// ∂Ω/∂w = λ₁ sign(w) + λ₂ w          (sign(0) = 0, the subgradient chosen at 0)
/// </code>
/// Only weights are penalised: trainable parameters named "weight" with two or more dimensions (the matrices and
/// kernels of linear and convolution layers). Biases and batch-norm scales and shifts (one-dimensional) are left alone.
/// </summary>
public sealed class Penalty
{
    /// <summary>Creates a penalty.</summary>
    /// <param name="l1">λ₁, ≥ 0. The default is 0.</param>
    /// <param name="l2">λ₂, ≥ 0. The default is 0.</param>
    public Penalty(double l1 = 0, double l2 = 0)
    {
        L1 = Guard.NonNegative(l1, "l1");
        L2 = Guard.NonNegative(l2, "l2");
    }

    /// <summary>λ₁, the L1 strength.</summary>
    public double L1 { get; }

    /// <summary>λ₂, the L2 strength.</summary>
    public double L2 { get; }

    /// <summary>The formula as a student reads it (only the terms in use).</summary>
    public string Formula => (L1 > 0, L2 > 0) switch
    {
        (true, false) => "Ω = λ₁ Σ|w|",
        (false, true) => "Ω = ½ λ₂ Σ w²",
        _ => "Ω = λ₁ Σ|w| + ½ λ₂ Σ w²",
    };

    /// <summary>Whether <paramref name="parameter"/> is penalised (a trainable "weight" with two or more dimensions).</summary>
    public static bool Applies(Parameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Trainable && parameter.LocalName == "weight" && parameter.Shape.Count >= 2;
    }

    /// <summary>Returns Ω for the model's current weights without touching the gradients (for evaluation).</summary>
    public double Value(ParameterStore parameters) => Run(parameters, addGradient: false);

    /// <summary>Returns Ω (to add to the loss) and adds ∂Ω/∂w into <see cref="ParameterStore.Gradients"/>.</summary>
    public double Apply(ParameterStore parameters) => Run(parameters, addGradient: true);

    private double Run(ParameterStore parameters, bool addGradient)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (l1, l2) = ((float)L1, (float)L2);
        double absoluteSum = 0, squareSum = 0;
        foreach (var parameter in parameters.Parameters)
        {
            if (!Applies(parameter))
            {
                continue;
            }

            var w = parameter.Values;
            var gradient = parameter.Gradient;
            for (var i = 0; i < w.Length; i++)
            {
                absoluteSum += Math.Abs(w[i]);
                squareSum += (double)w[i] * w[i];
                if (addGradient)
                {
                    gradient[i] += (l1 * MathF.Sign(w[i])) + (l2 * w[i]);
                }
            }
        }

        return (L1 * absoluteSum) + (0.5 * L2 * squareSum);
    }
}
