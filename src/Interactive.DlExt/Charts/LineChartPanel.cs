namespace Interactive.DlExt.Charts;

/// <summary>A second, shorter plot below a <see cref="LineChart"/> that shares its x axis, e.g. the learning rate per step.</summary>
public sealed class LineChartPanel
{
    /// <summary>The lines of the panel.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<LineSeries> Series { get; init; } = [];

    /// <summary>The y-axis title, e.g. "learning rate".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? YLabel { get; init; }

    /// <summary>Whether the y axis is base-10 logarithmic (values ≤ 0 become gaps).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogY { get; init; }

    /// <summary>The panel's plot height in pixels, taken from the chart's <see cref="LineChart.Height"/>.</summary>
    /// <value>The default is 90.</value>
    public double Height { get; init; } = 90;
}
