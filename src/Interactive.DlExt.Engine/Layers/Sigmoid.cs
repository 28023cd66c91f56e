using System.Numerics;

namespace Interactive.DlExt;

/// <summary>
/// The logistic function, element-wise: y = 1 / (1 + e^(−x)), dy/dx = y·(1 − y).
/// </summary>
public sealed class Sigmoid : ElementwiseActivation
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">An optional display name.</param>
    public Sigmoid(string? name = null)
        : base(name)
    {
    }

    /// <inheritdoc />
    public override string Describe() => "Sigmoid";

    // Scalar on purpose: a vector exp would round differently from MathF.Exp on the tail elements,
    // and results must not depend on the SIMD width. e^(−x) overflowing to ∞ gives exactly 0.
    /// <inheritdoc />
    private protected override void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = 1f / (1f + MathF.Exp(-x[i]));
        }
    }

    /// <inheritdoc />
    private protected override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= y.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var yv = new Vector<float>(y[i..]);
                (new Vector<float>(g[i..]) * (yv * (Vector<float>.One - yv))).CopyTo(dx[i..]);
            }
        }

        for (; i < y.Length; i++)
        {
            dx[i] = g[i] * (y[i] * (1f - y[i]));
        }
    }
}
