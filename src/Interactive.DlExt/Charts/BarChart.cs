namespace Interactive.DlExt.Charts;

/// <summary>Horizontal bars with their values, in the order given: e.g. hyperparameter importance.</summary>
public sealed record BarChart
{
    /// <summary>The chart title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? Title { get; init; }

    /// <summary>One label per bar, written on the left.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>One value per bar; bars grow from 0, so negative values go left. Non-finite values draw no bar.</summary>
    /// <value>The default is empty, which draws a "no data yet" placeholder.</value>
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>The value-axis title, e.g. "importance".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? ValueLabel { get; init; }

    /// <summary>The lower end of an interval per bar (e.g. an estimate's uncertainty), drawn as a whisker with <see cref="High"/>.</summary>
    /// <value>The default is <see langword="null"/> (no whiskers).</value>
    public IReadOnlyList<double>? Low { get; init; }

    /// <summary>The upper end of the interval per bar.</summary>
    /// <value>The default is <see langword="null"/> (no whiskers).</value>
    public IReadOnlyList<double>? High { get; init; }

    /// <summary>The total width in pixels (at least 200).</summary>
    /// <value>The default is 520.</value>
    public double Width { get; init; } = 520;

    /// <summary>The total height in pixels; <see langword="null"/> gives each bar 26 pixels.</summary>
    /// <value>The default is <see langword="null"/> (automatic).</value>
    public double? Height { get; init; }

    /// <summary>A prefix for the element ids, unique on the page; without one, ids derive from a hash of the content.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Id { get; init; }

    /// <summary>Renders the chart as a standalone &lt;svg&gt; element.</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => BarChartRenderer.Render(this);
}
