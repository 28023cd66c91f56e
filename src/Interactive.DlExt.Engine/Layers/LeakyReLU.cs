using System.Globalization;
using System.Numerics;

namespace Interactive.DlExt;

/// <summary>
/// The leaky rectified linear unit, element-wise: y = x where x &gt; 0, else slope·x;
/// dy/dx = 1 where x &gt; 0, else slope (PyTorch's convention at x = 0).
/// </summary>
public sealed class LeakyReLU : Layer
{
    private readonly ElementwiseMap _map = new();
    private readonly float _slope;
    private readonly ElementwiseForward _apply;
    private readonly ElementwiseBackward _differentiate;

    /// <summary>Creates the layer.</summary>
    /// <param name="slope">The slope for negative inputs, a finite number ≥ 0. The default is 0.01.</param>
    /// <param name="name">An optional display name.</param>
    public LeakyReLU(double slope = 0.01, string? name = null)
        : base(name)
    {
        _slope = (float)Guard.NonNegative(slope, nameof(slope));
        _apply = Apply;
        _differentiate = Differentiate;
    }

    /// <summary>The slope for negative inputs.</summary>
    public double Slope => _slope;

    /// <inheritdoc />
    public override string Describe() => $"LeakyReLU({Slope.ToString("G6", CultureInfo.InvariantCulture)})";

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        return _map.Forward(input, context.Pool, _apply);
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InputGradientRequired ? _map.Backward(outputGradient, context.Pool, _differentiate) : null;
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape) => (int[])inputShape.Clone();

    private void Apply(ReadOnlySpan<float> x, Span<float> y)
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

    private void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx)
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
