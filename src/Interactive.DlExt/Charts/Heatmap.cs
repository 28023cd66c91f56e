namespace Interactive.DlExt.Charts;

/// <summary>
/// A rows × columns matrix as coloured cells with row and column labels and a colour bar, values written
/// in the cells when they fit: a confusion matrix, or validation loss over a 2-parameter grid.
/// </summary>
public sealed record Heatmap
{
    /// <summary>The chart title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? Title { get; init; }

    /// <summary>The values, [row, column]; NaN cells are grey.</summary>
    /// <value>The default is an empty matrix, which draws a "no data yet" placeholder.</value>
    public double[,] Values { get; init; } = new double[0, 0];

    /// <summary>One label per row (e.g. the true class).</summary>
    /// <value>The default is <see langword="null"/>: rows are numbered from 0.</value>
    public IReadOnlyList<string>? RowLabels { get; init; }

    /// <summary>One label per column (e.g. the predicted class).</summary>
    /// <value>The default is <see langword="null"/>: columns are numbered from 0.</value>
    public IReadOnlyList<string>? ColumnLabels { get; init; }

    /// <summary>The title of the rows, written vertically on the left, e.g. "true class".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? RowTitle { get; init; }

    /// <summary>The title of the columns, written under the matrix, e.g. "predicted class".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? ColumnTitle { get; init; }

    /// <summary>The colour-bar title, e.g. "count".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? ValueLabel { get; init; }

    /// <summary>Whether to write each value in its cell; <see langword="null"/> writes them when the text fits the cells.</summary>
    /// <value>The default is <see langword="null"/> (automatic).</value>
    public bool? ShowValues { get; init; }

    /// <summary>Whether the colour scale is base-10 logarithmic (cells ≤ 0 are grey): for loss grids spanning decades.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogColor { get; init; }

    /// <summary>The total width in pixels (at least 150).</summary>
    /// <value>The default is 520.</value>
    public double Width { get; init; } = 520;

    /// <summary>The total height in pixels (at least 150).</summary>
    /// <value>The default is 460.</value>
    public double Height { get; init; } = 460;

    /// <summary>A prefix for the element ids, unique on the page; without one, ids derive from a hash of the content.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Id { get; init; }

    /// <summary>Renders the chart as a standalone &lt;svg&gt; element.</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => HeatmapRenderer.Render(this);
}
