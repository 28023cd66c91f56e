namespace Interactive.DlExt;

/// <summary>
/// The Gaussian error linear unit, element-wise (Hendrycks and Gimpel 2016).
/// By default the exact form y = x·Φ(x), Φ the standard normal CDF, dy/dx = Φ(x) + x·φ(x), as PyTorch's
/// <c>nn.GELU()</c>; Φ is computed in double precision from a Chebyshev fit of erfc whose relative error is
/// below 1.2·10⁻⁷ (about one float32 rounding). With <c>useTanhApproximation</c> it is the tanh form
/// y = ½x(1 + tanh(√(2/π)(x + 0.044715x³))), as PyTorch's <c>nn.GELU(approximate='tanh')</c> and BERT/GPT-2.
/// </summary>
public sealed class GELU : ElementwiseActivation
{
    private const double InverseSqrt2 = 0.70710678118654752440;
    private const double InverseSqrt2Pi = 0.39894228040143267794;
    private const double Sqrt2OverPi = 0.79788456080286535588;
    private const double Cubic = 0.044715;

    // erfc(z) ≈ t·exp(−z² + P(t)), t = 1/(1 + z/2); P's coefficients from the highest power down.
    private static readonly double[] ErfcCoefficients =
    [
        0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807,
        -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223,
    ];

    /// <summary>Creates the layer.</summary>
    /// <param name="useTanhApproximation">Use the tanh approximation instead of the exact erf form. The default is false.</param>
    /// <param name="name">An optional display name.</param>
    public GELU(bool useTanhApproximation = false, string? name = null)
        : base(name)
    {
        UsesTanhApproximation = useTanhApproximation;
    }

    /// <summary>Whether the tanh approximation is used instead of the exact form.</summary>
    public bool UsesTanhApproximation { get; }

    /// <inheritdoc />
    public override string Describe() => UsesTanhApproximation ? "GELU(tanh)" : "GELU";

    /// <summary>The complementary error function erfc(x) = 1 − erf(x), relative error below 1.2·10⁻⁷
    /// (the Chebyshev fit of Press et al., Numerical Recipes, §6.2).</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var polynomial = 0.0;
        foreach (var coefficient in ErfcCoefficients)
        {
            polynomial = (polynomial * t) + coefficient;
        }

        var r = t * DeterministicMath.Exp(-(z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>The standard normal CDF Φ(x) = ½·erfc(−x/√2), accurate in relative terms in the left tail.</summary>
    internal static double NormalCdf(double x) => 0.5 * Erfc(-x * InverseSqrt2);

    // Scalar in double on every path, with the engine's own exp and tanh (the same bits on every OS).
    /// <inheritdoc />
    private protected override void Apply(ReadOnlySpan<float> x, Span<float> y, SimdPath path)
    {
        if (UsesTanhApproximation)
        {
            ApplyTanh(x, y);
        }
        else
        {
            ApplyExact(x, y);
        }
    }

    /// <inheritdoc />
    private protected override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, SimdPath path)
    {
        if (UsesTanhApproximation)
        {
            DifferentiateTanh(x, g, dx);
        }
        else
        {
            DifferentiateExact(x, g, dx);
        }
    }

    private static void ApplyExact(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double v = x[i];
            y[i] = (float)(v * NormalCdf(v));
        }
    }

    private static void DifferentiateExact(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double v = x[i];
            var density = InverseSqrt2Pi * DeterministicMath.Exp(-0.5 * v * v);
            dx[i] = (float)(g[i] * (NormalCdf(v) + (v * density)));
        }
    }

    private static void ApplyTanh(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double v = x[i];
            y[i] = (float)(0.5 * v * (1 + DeterministicMath.Tanh(Sqrt2OverPi * (v + (Cubic * v * v * v)))));
        }
    }

    private static void DifferentiateTanh(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> dx)
    {
        for (var i = 0; i < x.Length; i++)
        {
            double v = x[i];
            var t = DeterministicMath.Tanh(Sqrt2OverPi * (v + (Cubic * v * v * v)));
            var inner = Sqrt2OverPi * (1 + (3 * Cubic * v * v));
            dx[i] = (float)(g[i] * ((0.5 * (1 + t)) + (0.5 * v * (1 - (t * t)) * inner)));
        }
    }
}
