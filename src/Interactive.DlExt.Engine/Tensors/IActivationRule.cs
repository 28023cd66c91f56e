namespace Interactive.DlExt;

/// <summary>An element-wise function y = f(x) and its backward pass dx = g·f′(x), written once for every lane width
/// (see <see cref="ILanes{TSelf}"/>) and run by <see cref="LaneLoop"/>.</summary>
internal interface IActivationRule
{
    /// <summary>y = f(x).</summary>
    T Forward<T>(T x)
        where T : struct, ILanes<T>;

    /// <summary>dx = g·f′(x), given x, y = f(x) and the output gradient g.</summary>
    T Backward<T>(T x, T y, T g)
        where T : struct, ILanes<T>;
}
