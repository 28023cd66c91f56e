namespace Interactive.DlExt.Charts;

/// <summary>
/// A filled contour plot of a function sampled on a grid (marching squares), with 2-D paths and their
/// steps drawn on top: for teaching how optimizers move across a loss surface.
/// </summary>
public sealed record ContourChart
{
    /// <summary>The chart title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? Title { get; init; }

    /// <summary>The x-axis title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? XLabel { get; init; }

    /// <summary>The y-axis title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? YLabel { get; init; }

    /// <summary>The title of the level legend, e.g. "loss".</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? ValueLabel { get; init; }

    /// <summary>The x of each grid column, ascending.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<double> X { get; init; } = [];

    /// <summary>The y of each grid row, ascending.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<double> Y { get; init; } = [];

    /// <summary>The samples, [row (y), column (x)]; NaN samples count as below every level.</summary>
    /// <value>The default is an empty grid, which draws a "no data yet" placeholder.</value>
    public double[,] Values { get; init; } = new double[0, 0];

    /// <summary>The number of colour bands (2 to 24).</summary>
    /// <value>The default is 10.</value>
    public int Levels { get; init; } = 10;

    /// <summary>
    /// Whether the levels crowd towards the minimum (geometric in the distance from it, over three decades),
    /// so the valley of a surface like Rosenbrock's shows structure; otherwise they are evenly spaced.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool LogLevels { get; init; }

    /// <summary>Paths drawn over the surface, each with a dot per step, a square at its start and a ring at its end.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<ContourPath> Paths { get; init; } = [];

    /// <summary>Points marked on the surface with a white cross and their label on hover, e.g. its minima.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<PointMarker> Markers { get; init; } = [];

    /// <summary>The total width in pixels (at least 200).</summary>
    /// <value>The default is 560.</value>
    public double Width { get; init; } = 560;

    /// <summary>The total height in pixels (at least 150).</summary>
    /// <value>The default is 440.</value>
    public double Height { get; init; } = 440;

    /// <summary>A prefix for the element ids, unique on the page; without one, ids derive from a hash of the content.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Id { get; init; }

    /// <summary>A chart of <paramref name="function"/> sampled on a <paramref name="resolution"/> × <paramref name="resolution"/> grid.</summary>
    /// <param name="function">The surface f(x, y).</param>
    /// <param name="xMin">The left edge.</param>
    /// <param name="xMax">The right edge.</param>
    /// <param name="yMin">The bottom edge.</param>
    /// <param name="yMax">The top edge.</param>
    /// <param name="resolution">Samples per axis (2 to 400).</param>
    /// <returns>A chart with <see cref="X"/>, <see cref="Y"/> and <see cref="Values"/> set; set the rest with a <see langword="with"/> expression.</returns>
    public static ContourChart FromFunction(Func<double, double, double> function, double xMin, double xMax, double yMin, double yMax, int resolution = 50)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (resolution < 2 || resolution > 400)
        {
            ChartGuard.Fail(nameof(resolution), $"resolution = {resolution} is not accepted: expected an integer in [2, 400].");
        }

        if (!(xMax > xMin) || !(yMax > yMin))
        {
            ChartGuard.Fail(nameof(xMax), "The grid needs xMin < xMax and yMin < yMax (finite).");
        }

        var xs = new double[resolution];
        var ys = new double[resolution];
        for (var k = 0; k < resolution; k++)
        {
            xs[k] = xMin + ((xMax - xMin) * k / (resolution - 1));
            ys[k] = yMin + ((yMax - yMin) * k / (resolution - 1));
        }

        var values = new double[resolution, resolution];
        for (var i = 0; i < resolution; i++)
        {
            for (var j = 0; j < resolution; j++)
            {
                values[i, j] = function(xs[j], ys[i]);
            }
        }

        return new ContourChart { X = xs, Y = ys, Values = values };
    }

    /// <summary>Renders the chart as a standalone &lt;svg&gt; element.</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => ContourChartRenderer.Render(this);
}
