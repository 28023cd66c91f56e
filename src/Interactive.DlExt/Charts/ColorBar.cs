namespace Interactive.DlExt.Charts;

/// <summary>A vertical viridis colour scale with its ticks: the legend of every chart coloured by a value.</summary>
internal static class ColorBar
{
    /// <summary>The horizontal room a colour bar with these ticks and title needs.</summary>
    public static double Width(AxisScale probe) =>
        14 + 6 + Math.Max(ChartFrame.TickWidth(probe), Math.Max(TextMetrics.Width(TickFormat.Value(probe.Minimum)), TextMetrics.Width(TickFormat.Value(probe.Maximum)))) + 8;

    /// <summary>
    /// Writes a bar at (x, top)–(x + 14, bottom) coloured from low (bottom) to high (top),
    /// or the reverse when <paramref name="reversed"/> (so that "best" is always the bright end).
    /// </summary>
    public static void Write(SvgWriter writer, string? title, double min, double max, bool log, double x, double top, double bottom, double rightEdge, bool reversed = false)
    {
        var id = writer.Id("scale");
        writer.Begin("g").Attr("class", "color-scale").Open();
        writer.Begin("defs").Open();
        writer.Begin("linearGradient").IdAttr("id", id).Attr("x1", 0).Attr("y1", 1).Attr("x2", 0).Attr("y2", 0).Open();
        for (var i = 0; i <= 8; i++)
        {
            var t = i / 8.0;
            writer.Begin("stop").Attr("offset", t).Attr("stop-color", ChartPalette.Sequential(reversed ? 1 - t : t)).Empty();
        }

        writer.End("linearGradient");
        writer.End("defs");
        writer.Begin("rect").Attr("x", x).Attr("y", top).Attr("width", 14).Attr("height", bottom - top).IdAttr("fill", $"url(#{id})").Attr("stroke", ChartFrame.AxisColor).Attr("stroke-width", 0.5).Empty();
        var scale = AxisScale.Create(min, max, bottom, top, log, 4, nice: false);
        writer.Begin("g").Attr("class", "color-ticks").Attr("fill", ChartFrame.MutedColor).Open();
        var labels = scale.Ticks.Select(t => (Y: scale.Map(t), Text: scale.Format(t))).Where(t => t.Y >= top - 0.5 && t.Y <= bottom + 0.5).ToList();

        // The ends are labelled too unless a tick already sits near them, so the range always reads.
        if (labels.All(l => Math.Abs(l.Y - bottom) > 14))
        {
            labels.Add((bottom, TickFormat.Value(min)));
        }

        if (labels.All(l => Math.Abs(l.Y - top) > 14))
        {
            labels.Add((top, TickFormat.Value(max)));
        }

        foreach (var (y, text) in labels.OrderBy(l => -l.Y))
        {
            writer.TextAt(x + 19, y + 4, text);
        }

        writer.End("g");
        if (!string.IsNullOrEmpty(title))
        {
            writer.TextAt(x + 7, top - 8, TextMetrics.Fit(title, Math.Min(140, 2 * (rightEdge - x - 7))), "middle", ChartFrame.TextColor, cssClass: "color-title");
        }

        writer.End("g");
    }

    /// <summary>Where <paramref name="value"/> lies in [min, max] (log-spaced when <paramref name="log"/>), in [0, 1].</summary>
    public static double Position(double value, double min, double max, bool log)
    {
        if (!double.IsFinite(value) || (log && value <= 0))
        {
            return double.NaN;
        }

        if (log)
        {
            (value, min, max) = (Math.Log10(value), Math.Log10(min), Math.Log10(max));
        }

        return max > min ? Math.Clamp((value - min) / (max - min), 0, 1) : 0.5;
    }

    /// <summary>The domain the bar will show for data in [min, max]: log bars widen to whole decades.</summary>
    public static (double Min, double Max) Domain((double Min, double Max) range, bool log)
    {
        var scale = AxisScale.Create(range.Min, range.Max, 1, 0, log, 4, nice: false);
        return (scale.Minimum, scale.Maximum);
    }

    /// <summary>The finite (and, for a log scale, positive) range of <paramref name="values"/>, or null.</summary>
    public static (double Min, double Max)? Range(IEnumerable<double> values, bool log)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v) && (!log || v > 0))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return min <= max ? (min, max) : null;
    }
}
