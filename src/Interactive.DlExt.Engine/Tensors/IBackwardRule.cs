namespace Interactive.DlExt;

/// <summary>The backward pass of an element-wise function, dx = g·f′(x), written once for every lane width (see
/// <see cref="ILanes{TSelf}"/>) and run by <see cref="LaneLoop.Backward{TRule}"/>.</summary>
internal interface IBackwardRule
{
    /// <summary>dx = g·f′(x), given x, y = f(x) and the output gradient g.</summary>
    T Backward<T>(T x, T y, T g)
        where T : struct, ILanes<T>;
}
