namespace Interactive.DlExt.Charts;

/// <summary>
/// Points as SVG, e.g. validation loss against learning rate over the trials of a sweep: optional log
/// axes, each point coloured by a value (viridis, with a colour bar) or by a category (with a legend),
/// and hover text per point.
/// </summary>
public sealed record ScatterChart
{
    /// <summary>The chart title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? Title { get; init; }

    /// <summary>The x-axis title, e.g. "learning rate".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? XLabel { get; init; }

    /// <summary>The y-axis title, e.g. "validation loss".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? YLabel { get; init; }

    /// <summary>The x values.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<double> X { get; init; } = [];

    /// <summary>The y values, one per x; points with a non-finite coordinate are skipped.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<double> Y { get; init; } = [];

    /// <summary>Names of x = 0, 1, 2, …, which make the x axis categorical with these names as its ticks (e.g. the values of a
    /// choice parameter, in the order they should read); a category legend follows the same order.</summary>
    /// <value>The default is <see langword="null"/> (a numeric x axis).</value>
    public IReadOnlyList<string>? XCategories { get; init; }

    /// <summary>Whether the x axis is base-10 logarithmic (points with x ≤ 0 are skipped).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogX { get; init; }

    /// <summary>Whether the y axis is base-10 logarithmic (points with y ≤ 0 are skipped).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogY { get; init; }

    /// <summary>A value per point that colours it on the viridis scale, e.g. the trial's epoch count.</summary>
    /// <value>The default is <see langword="null"/> (one colour, or <see cref="Categories"/>).</value>
    public IReadOnlyList<double>? ColorValues { get; init; }

    /// <summary>The colour-bar title for <see cref="ColorValues"/>.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? ColorLabel { get; init; }

    /// <summary>A category per point (e.g. the optimizer), coloured from the palette with a legend; ignored when <see cref="ColorValues"/> is set.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Hover text per point (e.g. "trial 7"), shown before its coordinates.</summary>
    /// <value>The default is <see langword="null"/> (coordinates only).</value>
    public IReadOnlyList<string>? PointLabels { get; init; }

    /// <summary>The total width in pixels (at least 200).</summary>
    /// <value>The default is 560.</value>
    public double Width { get; init; } = 560;

    /// <summary>The total height in pixels (at least 150).</summary>
    /// <value>The default is 380.</value>
    public double Height { get; init; } = 380;

    /// <summary>A prefix for the element ids, unique on the page; without one, ids derive from a hash of the content.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Id { get; init; }

    /// <summary>Renders the chart as a standalone &lt;svg&gt; element.</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => ScatterChartRenderer.Render(this);
}
