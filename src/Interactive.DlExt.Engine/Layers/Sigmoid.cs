using System.Numerics;

namespace Interactive.DlExt;

/// <summary>
/// The logistic function, element-wise: y = 1 / (1 + e^(−x)), dy/dx = y·(1 − y).
/// </summary>
public sealed class Sigmoid : Layer
{
    private readonly ElementwiseMap _map = new();

    /// <summary>Creates the layer.</summary>
    /// <param name="name">An optional display name.</param>
    public Sigmoid(string? name = null)
        : base(name)
    {
    }

    /// <inheritdoc />
    public override string Describe() => "Sigmoid";

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        return _map.Forward(input, context.Pool, Apply);
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return InputGradientRequired ? _map.Backward(outputGradient, context.Pool, Differentiate) : null;
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape) => (int[])inputShape.Clone();

    // Scalar on purpose: a vector exp would round differently from MathF.Exp on the tail elements,
    // and results must not depend on the SIMD width. e^(−x) overflowing to ∞ gives exactly 0.
    private static void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = 1f / (1f + MathF.Exp(-x[i]));
        }
    }

    private static void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx)
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
