namespace Interactive.DlExt;

/// <summary>The rectified linear unit as a lane rule, shared by the <see cref="ReLU"/> layer and the kernels:
/// y = x &lt; 0 ? 0 : x; dx = x &gt; 0 ? dy : 0 (x may be the ReLU's input or its output).</summary>
internal readonly struct ReluRule : IForwardRule, IBackwardRule
{
    /// <inheritdoc />
    public T Forward<T>(T x)
        where T : struct, ILanes<T> => T.WhereNegative(x, T.Zero, x);

    /// <inheritdoc />
    public T Backward<T>(T x, T y, T g)
        where T : struct, ILanes<T> => T.WherePositive(x, g, T.Zero);
}
