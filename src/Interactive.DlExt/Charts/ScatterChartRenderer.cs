namespace Interactive.DlExt.Charts;

/// <summary>Lays out and draws a <see cref="ScatterChart"/>.</summary>
internal static class ScatterChartRenderer
{
    public static string Render(ScatterChart chart)
    {
        var width = ChartGuard.Size(chart.Width, 200, nameof(ScatterChart.Width));
        var height = ChartGuard.Size(chart.Height, 150, nameof(ScatterChart.Height));
        var count = chart.X.Count;
        ChartGuard.SameLength(count, chart.Y.Count, nameof(ScatterChart.Y), nameof(ScatterChart));
        if (chart.ColorValues is { } cv)
        {
            ChartGuard.SameLength(count, cv.Count, nameof(ScatterChart.ColorValues), nameof(ScatterChart));
        }

        if (chart.Categories is { } cats)
        {
            ChartGuard.SameLength(count, cats.Count, nameof(ScatterChart.Categories), nameof(ScatterChart));
        }

        if (chart.PointLabels is { } labels)
        {
            ChartGuard.SameLength(count, labels.Count, nameof(ScatterChart.PointLabels), nameof(ScatterChart));
        }

        var writer = new SvgWriter(width, height, chart.Id, chart.Title);
        var top = ChartFrame.Title(writer, chart.Title, width);
        var visible = Enumerable.Range(0, count).Where(i => Drawable(chart.X[i], chart.LogX) && Drawable(chart.Y[i], chart.LogY)).ToList();
        var colorRange = chart.ColorValues is null ? null : ColorBar.Range(visible.Select(i => chart.ColorValues[i]), false);
        var categories = chart.ColorValues is null && chart.Categories is not null
            ? visible.Select(i => chart.Categories[i]).Distinct(StringComparer.Ordinal).OrderBy(c => Order(chart.XCategories, c)).ToList()
            : [];
        var legend = categories.Select((c, i) => new LegendItem(c, ChartPalette.Category(i), LegendSymbol.Point)).ToList();
        var xRange = ColorBar.Range(visible.Select(i => chart.X[i]), chart.LogX);
        var yRange = ColorBar.Range(visible.Select(i => chart.Y[i]), chart.LogY);
        var probeY = yRange is { } pr ? AxisScale.Create(pr.Min, pr.Max, 0, 1, chart.LogY) : null;
        var left = 10 + (string.IsNullOrEmpty(chart.YLabel) ? 0 : 18) + (probeY is null ? 0 : ChartFrame.TickWidth(probeY)) + 8;
        var colorDomain = colorRange is { } crange ? ColorBar.Domain(crange, false) : default;
        var right = width - 18 - (colorRange is null ? 0 : ColorBar.Width(AxisScale.Create(colorDomain.Min, colorDomain.Max, 1, 0, false, 4, nice: false)) + 10);
        var legendTop = top;
        top += ChartFrame.LegendHeight(legend, right - left) + (colorRange is null ? 8 : 20);
        var bottom = height - 22 - (string.IsNullOrEmpty(chart.XLabel) ? 0 : 16);
        if (bottom - top < 30)
        {
            ChartGuard.Fail(nameof(ScatterChart.Height), $"Height = {ChartGuard.Text(height)} leaves no room for the plot: increase it.");
        }

        ChartFrame.Legend(writer, legend, left, legendTop, right - left);
        if (xRange is not { } xr || yRange is not { } yr)
        {
            ChartFrame.Placeholder(writer, left, top, right, bottom);
            return writer.Finish();
        }

        var xScale = chart.XCategories is { } names
            ? AxisScale.Categorical(names, left, right)
            : AxisScale.Create(xr.Min, xr.Max, left, right, chart.LogX, Math.Max(3, (int)((right - left) / 80)));
        var yScale = AxisScale.Create(yr.Min, yr.Max, bottom, top, chart.LogY, Math.Max(2, (int)((bottom - top) / 50)));
        ChartFrame.YAxis(writer, yScale, left, right);
        ChartFrame.XAxis(writer, xScale, top, bottom, true);
        ChartFrame.Axes(writer, left, top, right, bottom);
        writer.Begin("g").Attr("class", "points").Attr("stroke", "#ffffff").Attr("stroke-width", 0.75).Open();
        foreach (var i in visible)
        {
            string color;
            var hover = (chart.PointLabels is null ? string.Empty : chart.PointLabels[i] + ": ") +
                $"{chart.XLabel ?? "x"} = {(chart.XCategories is null ? TickFormat.Value(chart.X[i]) : xScale.Format(chart.X[i]))}, {chart.YLabel ?? "y"} = {TickFormat.Value(chart.Y[i])}";
            if (chart.ColorValues is { } values)
            {
                color = ChartPalette.Sequential(ColorBar.Position(values[i], colorDomain.Min, colorDomain.Max, false));
                hover += $", {chart.ColorLabel ?? "colour"} = {TickFormat.Value(values[i])}";
            }
            else if (chart.Categories is { } c)
            {
                color = ChartPalette.Category(categories.IndexOf(c[i]));
                hover += $" ({c[i]})";
            }
            else
            {
                color = ChartPalette.Category(0);
            }

            writer.Begin("circle").Attr("cx", xScale.Map(chart.X[i])).Attr("cy", yScale.Map(chart.Y[i])).Attr("r", 4.5).Attr("fill", color)
                .Attr("fill-opacity", 0.85).WithTitle("circle", hover);
        }

        writer.End("g");
        if (colorRange is not null)
        {
            ColorBar.Write(writer, chart.ColorLabel, colorDomain.Min, colorDomain.Max, false, right + 16, top, bottom, width - 4);
        }

        ChartFrame.YLabel(writer, chart.YLabel, 18, top, bottom);
        ChartFrame.XLabel(writer, chart.XLabel, left, right, height - 8);
        return writer.Finish();
    }

    // Categories named on the x axis keep its order; others (or all, without names) keep their first appearance (OrderBy is stable).
    private static int Order(IReadOnlyList<string>? names, string category) =>
        names?.ToList().IndexOf(category) is { } k && k >= 0 ? k : int.MaxValue;

    private static bool Drawable(double value, bool log) => double.IsFinite(value) && (!log || value > 0);
}
