namespace Interactive.DlExt.Charts;

/// <summary>A 2-D path drawn over a <see cref="ContourChart"/>, e.g. the parameters visited by one optimizer, step by step.</summary>
/// <param name="Name">The legend and hover name, e.g. "SGD, η = 0.1".</param>
/// <param name="X">The x coordinate per step.</param>
/// <param name="Y">The y coordinate per step; non-finite points break the line (a diverging run).</param>
public sealed record ContourPath(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>When set, the path ended badly (diverged, escaped): its end is drawn as a cross, pulled onto the edge of
    /// the plot if it lies beyond it, with this text on hover, e.g. "diverged at step 25".</summary>
    /// <value>The default is <see langword="null"/>: the end is a ring.</value>
    public string? EndNote { get; init; }
}
