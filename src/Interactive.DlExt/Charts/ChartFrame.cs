namespace Interactive.DlExt.Charts;

/// <summary>The parts every cartesian chart shares: title, legend, gridlines, ticks and axis labels.</summary>
internal static class ChartFrame
{
    public const double TitleSize = 14;
    public const double LabelSize = 12;
    public const string TextColor = "#222222";
    public const string MutedColor = "#555555";
    public const string GridColor = "#e6e6e6";
    public const string AxisColor = "#888888";

    /// <summary>Writes the chart title centred at the top; returns the y where content may start.</summary>
    public static double Title(SvgWriter writer, string? title, double width)
    {
        if (string.IsNullOrEmpty(title))
        {
            return 10;
        }

        writer.TextAt(width / 2, 20, TextMetrics.Fit(title, width - 20, TitleSize), "middle", TextColor, TitleSize, "chart-title", weight: "600");
        return 30;
    }

    /// <summary>The height <see cref="Legend"/> will take for these items in <paramref name="maxWidth"/>.</summary>
    public static double LegendHeight(IReadOnlyList<LegendItem> items, double maxWidth) =>
        items.Count == 0 ? 0 : LayoutLegend(items, 0, 0, maxWidth).Height;

    /// <summary>Writes a wrapped horizontal legend starting at (x, y); returns its height.</summary>
    public static double Legend(SvgWriter writer, IReadOnlyList<LegendItem> items, double x, double y, double maxWidth)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        var (positions, height) = LayoutLegend(items, x, y, maxWidth);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var (ix, iy) = positions[i];
            writer.Begin("g").Attr("class", "legend-item").Open();
            var cy = iy + 7;
            switch (item.Symbol)
            {
                case LegendSymbol.Point:
                    writer.Begin("circle").Attr("cx", ix + 8).Attr("cy", cy).Attr("r", 4).Attr("fill", item.Color).Empty();
                    break;
                case LegendSymbol.Square:
                    writer.Begin("rect").Attr("x", ix + 3).Attr("y", cy - 5).Attr("width", 10).Attr("height", 10).Attr("fill", item.Color).Empty();
                    break;
                default:
                    writer.Begin("line").Attr("x1", ix).Attr("y1", cy).Attr("x2", ix + 16).Attr("y2", cy)
                        .Attr("stroke", item.Color).Attr("stroke-width", 2.5);
                    if (item.Symbol == LegendSymbol.DashedLine)
                    {
                        writer.Attr("stroke-dasharray", "4 3");
                    }

                    writer.Empty();
                    break;
            }

            writer.TextAt(ix + 21, cy + 4, TextMetrics.Fit(item.Label, maxWidth - 30), fill: TextColor);
            writer.End("g");
        }

        return height;
    }

    /// <summary>Horizontal gridlines and tick labels of a y axis; labels end at <paramref name="left"/> − 6.</summary>
    public static void YAxis(SvgWriter writer, AxisScale scale, double left, double right)
    {
        var path = new PathBuilder(writer.Builder);
        writer.Begin("path").Attr("class", "grid").Attr("stroke", GridColor).Attr("fill", "none");
        writer.BeginAttr("d");
        foreach (var tick in scale.Ticks)
        {
            path.Horizontal(left, right, scale.Map(tick));
        }

        writer.EndAttr().Empty();
        writer.Begin("g").Attr("class", "y-ticks").Attr("text-anchor", "end").Attr("fill", MutedColor).Open();
        foreach (var tick in scale.Ticks)
        {
            writer.TextAt(left - 6, scale.Map(tick) + 4, scale.Format(tick));
        }

        writer.End("g");
    }

    /// <summary>Vertical gridlines of an x axis and, when <paramref name="labels"/>, tick labels below <paramref name="bottom"/>.</summary>
    public static void XAxis(SvgWriter writer, AxisScale scale, double top, double bottom, bool labels)
    {
        var path = new PathBuilder(writer.Builder);
        writer.Begin("path").Attr("class", "grid").Attr("stroke", GridColor).Attr("fill", "none");
        writer.BeginAttr("d");
        foreach (var tick in scale.Ticks)
        {
            path.Vertical(scale.Map(tick), top, bottom);
        }

        writer.EndAttr().Empty();
        if (!labels)
        {
            return;
        }

        // Drop every other label (keeping the first) when neighbours would touch.
        var widest = scale.Ticks.Count == 0 ? 0 : scale.Ticks.Max(t => TextMetrics.Width(scale.Format(t)));
        var spacing = scale.Ticks.Count > 1 ? Math.Abs(scale.Map(scale.Ticks[1]) - scale.Map(scale.Ticks[0])) : double.MaxValue;
        var every = spacing >= widest + 6 ? 1 : (int)Math.Ceiling((widest + 6) / Math.Max(1, spacing));
        writer.Begin("g").Attr("class", "x-ticks").Attr("text-anchor", "middle").Attr("fill", MutedColor).Open();
        for (var i = 0; i < scale.Ticks.Count; i += every)
        {
            writer.TextAt(scale.Map(scale.Ticks[i]), bottom + 15, scale.Format(scale.Ticks[i]));
        }

        writer.End("g");
    }

    /// <summary>A plot-area border line along the bottom and left edges.</summary>
    public static void Axes(SvgWriter writer, double left, double top, double right, double bottom)
    {
        var path = new PathBuilder(writer.Builder);
        writer.Begin("path").Attr("class", "axis").Attr("stroke", AxisColor).Attr("fill", "none");
        writer.BeginAttr("d");
        path.MoveTo(left, top);
        path.LineTo(left, bottom);
        path.LineTo(right, bottom);
        writer.EndAttr().Empty();
    }

    /// <summary>A rotated y-axis title centred on the plot's vertical extent.</summary>
    public static void YLabel(SvgWriter writer, string? label, double x, double top, double bottom)
    {
        if (string.IsNullOrEmpty(label))
        {
            return;
        }

        var cy = (top + bottom) / 2;
        var text = TextMetrics.Fit(label, bottom - top, LabelSize);
        writer.TextAt(x, cy, text, "middle", TextColor, LabelSize, "axis-label", $"rotate(-90 {SvgNumber.Format(x)} {SvgNumber.Format(cy)})");
    }

    /// <summary>An x-axis title centred under the plot.</summary>
    public static void XLabel(SvgWriter writer, string? label, double left, double right, double y)
    {
        if (!string.IsNullOrEmpty(label))
        {
            writer.TextAt((left + right) / 2, y, TextMetrics.Fit(label, right - left, LabelSize), "middle", TextColor, LabelSize, "axis-label");
        }
    }

    /// <summary>An empty plot area saying "No data yet" (a chart shown before the first epoch ends).</summary>
    public static void Placeholder(SvgWriter writer, double left, double top, double right, double bottom)
    {
        writer.Begin("rect").Attr("class", "placeholder").Attr("x", left).Attr("y", top).Attr("width", Math.Max(1, right - left)).Attr("height", Math.Max(1, bottom - top))
            .Attr("fill", "#fafafa").Attr("stroke", GridColor).Empty();
        writer.TextAt((left + right) / 2, ((top + bottom) / 2) + 4, "No data yet", "middle", MutedColor, 13, "no-data");
    }

    /// <summary>The widest tick label of a y axis, for the left margin.</summary>
    public static double TickWidth(AxisScale scale) =>
        scale.Ticks.Count == 0 ? 0 : scale.Ticks.Max(t => TextMetrics.Width(scale.Format(t)));

    private static (List<(double X, double Y)> Positions, double Height) LayoutLegend(IReadOnlyList<LegendItem> items, double x, double y, double maxWidth)
    {
        const double rowHeight = 16;
        var positions = new List<(double X, double Y)>(items.Count);
        double cx = x, cy = y;
        foreach (var item in items)
        {
            var itemWidth = Math.Min(maxWidth, 21 + TextMetrics.Width(item.Label) + 14);
            if (cx > x && cx + itemWidth > x + maxWidth)
            {
                cx = x;
                cy += rowHeight;
            }

            positions.Add((cx, cy));
            cx += itemWidth;
        }

        return (positions, cy - y + rowHeight);
    }
}
