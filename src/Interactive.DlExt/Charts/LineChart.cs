namespace Interactive.DlExt.Charts;

/// <summary>
/// Training curves as SVG: several series (train and validation loss, accuracy), an optional EMA over a
/// noisy per-step series, log-scale y, epoch gridlines, best-point and early-stop markers, and an
/// optional panel below sharing the x axis (e.g. the learning rate). Dense series are thinned to the
/// pixel grid, so 1,000 steps cost about as much as the chart's width.
/// </summary>
public sealed record LineChart
{
    /// <summary>The chart title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? Title { get; init; }

    /// <summary>The x-axis title, e.g. "epoch".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? XLabel { get; init; }

    /// <summary>The y-axis title, e.g. "loss".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? YLabel { get; init; }

    /// <summary>The lines of the main plot.</summary>
    /// <value>The default is empty, which draws a "no data yet" placeholder.</value>
    public IReadOnlyList<LineSeries> Series { get; init; } = [];

    /// <summary>Whether the y axis is base-10 logarithmic (values ≤ 0 become gaps).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogY { get; init; }

    /// <summary>Whether the x axis is base-10 logarithmic (points at x ≤ 0 become gaps), e.g. a learning-rate range test.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogX { get; init; }

    /// <summary>Whether the x values are counts (epochs, trial numbers), so the x axis ticks whole numbers only.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool IntegerX { get; init; }

    /// <summary>Whether the y values are counts (e.g. trial numbers), so the y axis ticks whole numbers only.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool IntegerY { get; init; }

    /// <summary>x positions of light vertical lines marking epoch boundaries (thinned when closer than 8 pixels).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<double> EpochBoundaries { get; init; } = [];

    /// <summary>X values the axis must reach even where no series does, e.g. 0 so that the accuracy chart of a run has the
    /// x axis of its loss chart (whose per-step curve starts at 0) instead of one that ends at 16 for 15 epochs.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<double> XIncludes { get; init; } = [];

    /// <summary>Labelled points, e.g. the best validation epoch.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<PointMarker> PointMarkers { get; init; } = [];

    /// <summary>Labelled dashed vertical lines, e.g. the early-stopping epoch.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<VerticalMarker> VerticalMarkers { get; init; } = [];

    /// <summary>An optional panel below that shares the x axis.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public LineChartPanel? LowerPanel { get; init; }

    /// <summary>The total width in pixels (at least 200).</summary>
    /// <value>The default is 640.</value>
    public double Width { get; init; } = 640;

    /// <summary>The total height in pixels including any <see cref="LowerPanel"/> (at least 150).</summary>
    /// <value>The default is 360.</value>
    public double Height { get; init; } = 360;

    /// <summary>A prefix for the element ids, unique on the page; without one, ids derive from a hash of the content.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Id { get; init; }

    /// <summary>Renders the chart as a standalone &lt;svg&gt; element.</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => LineChartRenderer.Render(this);
}
