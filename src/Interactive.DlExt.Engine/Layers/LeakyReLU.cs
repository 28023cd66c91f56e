using System.Globalization;
using System.Numerics;

namespace Interactive.DlExt;

/// <summary>
/// The leaky rectified linear unit, element-wise: y = x where x &gt; 0, else slope·x;
/// dy/dx = 1 where x &gt; 0, else slope (PyTorch's convention at x = 0).
/// </summary>
public sealed class LeakyReLU : ElementwiseActivation
{
    private readonly float _slope;

    /// <summary>Creates the layer.</summary>
    /// <param name="slope">The slope for negative inputs, a finite number ≥ 0. The default is 0.01.</param>
    /// <param name="name">An optional display name.</param>
    public LeakyReLU(double slope = 0.01, string? name = null)
        : base(name)
    {
        _slope = (float)Guard.NonNegative(slope, nameof(slope));
    }

    /// <summary>The slope for negative inputs.</summary>
    public double Slope => _slope;

    /// <inheritdoc />
    public override string Describe() => $"LeakyReLU({Slope.ToString("G6", CultureInfo.InvariantCulture)})";

    /// <inheritdoc />
    private protected override void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slope = new Vector<float>(_slope);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(x[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v, v * slope).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] = x[i] > 0f ? x[i] : x[i] * _slope;
        }
    }

    /// <inheritdoc />
    private protected override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slope = new Vector<float>(_slope);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var gv = new Vector<float>(g[i..]);
                var positive = Vector.GreaterThan(new Vector<float>(x[i..]), Vector<float>.Zero);
                Vector.ConditionalSelect(positive, gv, gv * slope).CopyTo(dx[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            dx[i] = x[i] > 0f ? g[i] : g[i] * _slope;
        }
    }
}
