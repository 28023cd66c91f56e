using System.Runtime.CompilerServices;

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

    // Scalar on purpose: results must not depend on the SIMD width, and the engine's own exp (not the OS's libm)
    // keeps them the same on every OS. e^(−x) overflowing to ∞ gives exactly 0.
    /// <inheritdoc />
    private protected override void Apply(ReadOnlySpan<float> x, Span<float> y, SimdPath path)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = 1f / (1f + DeterministicMath.Exp(-x[i]));
        }
    }

    /// <inheritdoc />
    private protected override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, SimdPath path)
        => LaneLoop.Backward(default(Derivative), path, x, y, g, dx);

    /// <summary>dx = g·y(1 − y) (the forward pass is the scalar loop above on every path).</summary>
    private readonly struct Derivative : IBackwardRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Backward<T>(T x, T y, T g)
            where T : struct, ILanes<T> => g * (y * (T.Create(1f) - y));
    }
}
