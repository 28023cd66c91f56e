using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// The one ReLU rule of the library, used by the <see cref="ReLU"/> layer, <see cref="Elementwise"/> and the fused
/// <see cref="Activation.Relu"/> of <see cref="Linear"/> (whose GEMM epilogue spells the same comparison out):
/// y = x &lt; 0 ? 0 : x and dx = x &gt; 0 ? dy : 0 (x may be the ReLU's input or its output). NaN is neither
/// negative nor positive: it passes through forward (NaN in → NaN out) and its gradient is NaN, so a diverging run
/// stays visible instead of being zeroed.
/// </summary>
internal readonly struct ReluRule : IForwardRule, IBackwardRule
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Forward<T>(T x)
        where T : struct, ILanes<T> => T.WhereNegative(x, T.Zero, x);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Backward<T>(T x, T y, T g)
        where T : struct, ILanes<T> => T.WherePositive(x, g, T.WhereNaN(x, x, T.Zero));
}
