namespace Interactive.DlExt.Charts;

/// <summary>One line of a <see cref="LineChart"/>: x and y values of equal length, e.g. the validation loss per epoch.</summary>
/// <param name="Name">The legend and hover name.</param>
/// <param name="X">The x values, ascending (epochs or steps).</param>
/// <param name="Y">The y values; NaN or ±∞ leave a gap instead of failing.</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>
    /// The EMA weight β in [0, 1) for a noisy series: when above 0, the raw values are drawn faint and
    /// the debiased average s_t = β s_{t−1} + (1 − β) y_t is drawn on top.
    /// </summary>
    /// <value>The default is 0 (no smoothing). TensorBoard's usual value is 0.6 to 0.9.</value>
    public double Smoothing { get; init; }

    /// <summary>Whether the line is dashed (e.g. to pair a validation curve with its training curve).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Dashed { get; init; }

    /// <summary>A colour "#rrggbb" that replaces the palette's (e.g. grey for the pruned trials of a sweep).</summary>
    /// <value>The default is <see langword="null"/> (the palette colour of the series' position).</value>
    public string? Color { get; init; }

    /// <summary>The line's stroke width in pixels (e.g. thick bars for intervals on a timeline).</summary>
    /// <value>The default is 2.</value>
    public double Width { get; init; } = 2;

    /// <summary>Whether only the points are drawn, without a connecting line (e.g. one objective value per trial).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool PointsOnly { get; init; }

    /// <summary>A reference line (e.g. a clipping threshold) rather than data: drawn without dots at its points.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Reference { get; init; }

    /// <summary>A series over x = 1, 2, …, n (epochs counted from one).</summary>
    /// <param name="name">The legend and hover name.</param>
    /// <param name="y">The values, one per epoch.</param>
    public static LineSeries FromValues(string name, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        var x = new double[y.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = i + 1;
        }

        return new LineSeries(name, x, y);
    }
}
