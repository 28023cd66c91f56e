namespace Interactive.DlExt.Charts;

/// <summary>
/// One polyline per trial across vertical axes (one per hyperparameter, then the objective), coloured by
/// the objective so the settings of the best trials stand out; the best trials are drawn on top.
/// </summary>
public sealed record ParallelCoordinates
{
    /// <summary>The chart title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? Title { get; init; }

    /// <summary>The hyperparameter axes, left to right; each has one value per trial.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<ParallelAxis> Axes { get; init; } = [];

    /// <summary>The objective per trial (e.g. the validation loss), drawn as the last axis and used for colour; NaN marks a failed trial (grey).</summary>
    /// <value>The default is empty, which draws a "no data yet" placeholder.</value>
    public IReadOnlyList<double> Objective { get; init; } = [];

    /// <summary>The objective's name.</summary>
    /// <value>The default is "objective".</value>
    public string ObjectiveName { get; init; } = "objective";

    /// <summary>Whether a smaller objective is better (a loss) rather than larger (an accuracy); the best trials get the bright colour.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool LowerIsBetter { get; init; } = true;

    /// <summary>Hover text per trial, e.g. "trial 12".</summary>
    /// <value>The default is <see langword="null"/>: trials are numbered from 0.</value>
    public IReadOnlyList<string>? TrialLabels { get; init; }

    /// <summary>The total width in pixels (at least 200).</summary>
    /// <value>The default is 720.</value>
    public double Width { get; init; } = 720;

    /// <summary>The total height in pixels (at least 150).</summary>
    /// <value>The default is 360.</value>
    public double Height { get; init; } = 360;

    /// <summary>A prefix for the element ids, unique on the page; without one, ids derive from a hash of the content.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Id { get; init; }

    /// <summary>Renders the chart as a standalone &lt;svg&gt; element.</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => ParallelCoordinatesRenderer.Render(this);
}
