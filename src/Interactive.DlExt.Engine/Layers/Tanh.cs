using System.Numerics;

namespace Interactive.DlExt;

/// <summary>
/// The hyperbolic tangent, element-wise: y = tanh(x), dy/dx = 1 − y².
/// </summary>
public sealed class Tanh : ElementwiseActivation
{
    /// <summary>Creates the layer.</summary>
    /// <param name="name">An optional display name.</param>
    public Tanh(string? name = null)
        : base(name)
    {
    }

    /// <inheritdoc />
    public override string Describe() => "Tanh";

    // Scalar on purpose (see Sigmoid): the same rounding for every element whatever the SIMD width.
    /// <inheritdoc />
    private protected override void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = MathF.Tanh(x[i]);
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
                (new Vector<float>(g[i..]) * (Vector<float>.One - (yv * yv))).CopyTo(dx[i..]);
            }
        }

        for (; i < y.Length; i++)
        {
            dx[i] = g[i] * (1f - (y[i] * y[i]));
        }
    }
}
