namespace Interactive.DlExt;

/// <summary>An element-wise function y = f(x), written once for every lane width (see <see cref="ILanes{TSelf}"/>)
/// and run by <see cref="LaneLoop.Forward{TRule}"/>.</summary>
internal interface IForwardRule
{
    /// <summary>y = f(x).</summary>
    T Forward<T>(T x)
        where T : struct, ILanes<T>;
}
