using System.Runtime.CompilerServices;

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

    // Scalar on purpose (see Sigmoid): the same rounding for every element whatever the SIMD width or OS.
    /// <inheritdoc />
    private protected override void Apply(ReadOnlySpan<float> x, Span<float> y, SimdPath path)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = DeterministicMath.Tanh(x[i]);
        }
    }

    /// <inheritdoc />
    private protected override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, SimdPath path)
        => LaneLoop.Backward(default(Derivative), path, x, y, g, dx);

    /// <summary>dx = g·(1 − y²) (the forward pass is the scalar loop above on every path).</summary>
    private readonly struct Derivative : IBackwardRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Backward<T>(T x, T y, T g)
            where T : struct, ILanes<T> => g * (T.Create(1f) - (y * y));
    }
}
