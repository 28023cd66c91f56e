using System.Globalization;
using System.Runtime.CompilerServices;

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
    private protected override void Apply(ReadOnlySpan<float> x, Span<float> y, SimdPath path)
        => LaneLoop.Forward(new Rule(_slope), path, x, y);

    /// <inheritdoc />
    private protected override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, SimdPath path)
        => LaneLoop.Backward(new Rule(_slope), path, x, y, g, dx);

    /// <summary>y = x &gt; 0 ? x : slope·x;  dx = x &gt; 0 ? g : slope·g.</summary>
    private readonly struct Rule(float slope) : IForwardRule, IBackwardRule
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Forward<T>(T x)
            where T : struct, ILanes<T> => T.WherePositive(x, x, x * T.Create(slope));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Backward<T>(T x, T y, T g)
            where T : struct, ILanes<T> => T.WherePositive(x, g, g * T.Create(slope));
    }
}
