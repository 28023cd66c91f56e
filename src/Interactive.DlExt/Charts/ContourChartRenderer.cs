using System.Globalization;

namespace Interactive.DlExt.Charts;

/// <summary>Lays out and draws a <see cref="ContourChart"/>.</summary>
internal static class ContourChartRenderer
{
    private const int MaxDotsPerPath = 300;

    public static string Render(ContourChart chart)
    {
        var width = ChartGuard.Size(chart.Width, 200, nameof(ContourChart.Width));
        var height = ChartGuard.Size(chart.Height, 150, nameof(ContourChart.Height));
        ArgumentNullException.ThrowIfNull(chart.Values, nameof(ContourChart.Values));
        int rows = chart.Values.GetLength(0), columns = chart.Values.GetLength(1);
        ChartGuard.SameLength(columns, chart.X.Count, nameof(ContourChart.X), "ContourChart (one per column of Values)");
        ChartGuard.SameLength(rows, chart.Y.Count, nameof(ContourChart.Y), "ContourChart (one per row of Values)");
        if (chart.Levels < 2 || chart.Levels > 24)
        {
            ChartGuard.Fail(nameof(ContourChart.Levels), $"Levels = {chart.Levels} is not accepted: expected an integer in [2, 24].");
        }

        foreach (var p in chart.Paths)
        {
            ChartGuard.SameLength(p.X.Count, p.Y.Count, "Y", $"ContourPath '{p.Name}'");
        }

        var writer = new SvgWriter(width, height, chart.Id, chart.Title, 32768);
        var top = ChartFrame.Title(writer, chart.Title, width);
        var legend = chart.Paths.Select((p, k) => new LegendItem(p.Name, PathColor(k), LegendSymbol.Line)).ToList();
        var range = ColorBar.Range(chart.Values.Cast<double>(), false);
        var thresholds = range is { } r ? Thresholds(r.Min, r.Max, chart.Levels, chart.LogLevels) : [];
        var levelLabelWidth = range is not { } lr ? 0 : thresholds.Append(lr.Min).Append(lr.Max).Max(t => TextMetrics.Width(TickFormat.Value(t), 10));
        var xRange = ColorBar.Range(chart.X, false);
        var yRange = ColorBar.Range(chart.Y, false);
        var probeY = yRange is { } yr0 ? AxisScale.Create(yr0.Min, yr0.Max, 0, 1, false, 5, nice: false) : null;
        var left = 10 + (string.IsNullOrEmpty(chart.YLabel) ? 0 : 18) + (probeY is null ? 0 : ChartFrame.TickWidth(probeY)) + 8;
        var right = width - 16 - (range is null ? 0 : 14 + 6 + levelLabelWidth + 16);
        var legendTop = top;
        top += ChartFrame.LegendHeight(legend, right - left) + 20;
        var bottom = height - 22 - (string.IsNullOrEmpty(chart.XLabel) ? 0 : 16);
        if (bottom - top < 30)
        {
            ChartGuard.Fail(nameof(ContourChart.Height), $"Height = {ChartGuard.Text(height)} leaves no room for the plot: increase it.");
        }

        ChartFrame.Legend(writer, legend, left, legendTop, right - left);
        if (range is not { } valueRange || xRange is not { } xr || yRange is not { } yr || rows < 2 || columns < 2)
        {
            ChartFrame.Placeholder(writer, left, top, right, bottom);
            return writer.Finish();
        }

        var xScale = AxisScale.Create(xr.Min, xr.Max, left, right, false, Math.Max(3, (int)((right - left) / 80)), nice: false);
        var yScale = AxisScale.Create(yr.Min, yr.Max, bottom, top, false, Math.Max(3, (int)((bottom - top) / 60)), nice: false);
        var columnPixels = chart.X.Select(xScale.Map).ToArray();
        var rowPixels = chart.Y.Select(yScale.Map).ToArray();
        var clip = writer.Id("plot");
        writer.Begin("defs").Open().Begin("clipPath").IdAttr("id", clip).Open()
            .Begin("rect").Attr("x", left).Attr("y", top).Attr("width", right - left).Attr("height", bottom - top).Empty();
        writer.End("clipPath");
        writer.End("defs");
        writer.Begin("g").Attr("class", "contour").Open();
        writer.Begin("rect").Attr("class", "contour-band").Attr("x", left).Attr("y", top).Attr("width", right - left).Attr("height", bottom - top)
            .Attr("fill", BandColor(0, chart.Levels)).Empty();
        for (var k = 0; k < thresholds.Length; k++)
        {
            writer.Begin("path").Attr("class", "contour-band").Attr("fill", BandColor(k + 1, chart.Levels));
            writer.BeginAttr("d");
            if (!MarchingSquares.FillAbove(new PathBuilder(writer.Builder), chart.Values, columnPixels, rowPixels, thresholds[k]))
            {
                writer.Builder.Append("M0 0");
            }

            writer.EndAttr().WithTitle("path", $"{chart.ValueLabel ?? "value"} ≥ {TickFormat.Value(thresholds[k])}");
        }

        writer.End("g");
        ChartFrame.YAxis(writer, yScale, left, right);
        ChartFrame.XAxis(writer, xScale, top, bottom, true);
        ChartFrame.Axes(writer, left, top, right, bottom);
        writer.Begin("g").IdAttr("clip-path", $"url(#{clip})").Open();
        foreach (var marker in chart.Markers)
        {
            Cross(writer, "marker", xScale.Map(marker.X), yScale.Map(marker.Y), 5, "#ffffff", ChartFrame.TextColor, marker.Label);
        }

        for (var k = 0; k < chart.Paths.Count; k++)
        {
            TrajectoryPath(writer, chart.Paths[k], PathColor(k), xScale, yScale, (left, top, right, bottom));
        }

        writer.End("g");
        LevelLegend(writer, chart.ValueLabel, valueRange, thresholds, chart.Levels, right + 16, top, bottom, width - 4);
        ChartFrame.YLabel(writer, chart.YLabel, 18, top, bottom);
        ChartFrame.XLabel(writer, chart.XLabel, left, right, height - 8);
        return writer.Finish();
    }

    private static void TrajectoryPath(SvgWriter writer, ContourPath path, string color, AxisScale xScale, AxisScale yScale, (double Left, double Top, double Right, double Bottom) plot)
    {
        writer.Begin("g").Attr("class", "trajectory").Open();

        // A white casing under the coloured line keeps it visible over every band colour.
        SeriesPath.Write(writer, path.X, path.Y, xScale, yScale, "trajectory-casing", "#ffffff", 4, 0.9, false, null);
        SeriesPath.Write(writer, path.X, path.Y, xScale, yScale, "trajectory-line", color, 2, 1, false, path.Name);
        var steps = Enumerable.Range(0, path.X.Count).Where(i => double.IsFinite(path.X[i]) && double.IsFinite(path.Y[i])).ToList();
        if (steps.Count <= MaxDotsPerPath)
        {
            SeriesPath.Dots(writer, steps.Select(i => (xScale.Map(path.X[i]), yScale.Map(path.Y[i]), Hover(path, i))), color, 2.2, "steps");
        }

        if (steps.Count > 0)
        {
            var first = steps[0];
            double sx = xScale.Map(path.X[first]), sy = yScale.Map(path.Y[first]);
            writer.Begin("rect").Attr("class", "start").Attr("x", sx - 4).Attr("y", sy - 4).Attr("width", 8).Attr("height", 8).Attr("fill", color)
                .Attr("stroke", "#ffffff").Attr("stroke-width", 1.5).WithTitle("rect", "start: " + Hover(path, first));
            var last = steps[^1];
            if (path.EndNote is { } note)
            {
                // A bad end is never hidden: beyond the plot, its cross sits on the edge the path left by.
                var ex = Math.Clamp(xScale.Map(path.X[last]), plot.Left + 6, plot.Right - 6);
                var ey = Math.Clamp(yScale.Map(path.Y[last]), plot.Top + 6, plot.Bottom - 6);
                Cross(writer, "end-bad", ex, ey, 6, color, "#ffffff", $"{path.Name}: {note}");
                writer.End("g");
                return;
            }

            // An end beyond the plot is drawn on the edge the path left by, so no run's end is ever clipped away.
            var cx = Math.Clamp(xScale.Map(path.X[last]), plot.Left + 5, plot.Right - 5);
            var cy = Math.Clamp(yScale.Map(path.Y[last]), plot.Top + 5, plot.Bottom - 5);
            writer.Begin("circle").Attr("class", "end").Attr("cx", cx).Attr("cy", cy).Attr("r", 5)
                .Attr("fill", "#ffffff").Attr("stroke", color).Attr("stroke-width", 2.5).WithTitle("circle", "end: " + Hover(path, last));
        }

        writer.End("g");
    }

    /// <summary>An ✕ of two strokes over a wider casing, with a hover title.</summary>
    private static void Cross(SvgWriter writer, string cssClass, double x, double y, double size, string color, string casing, string title)
    {
        writer.Begin("g").Attr("class", cssClass).Open();
        foreach (var (stroke, width) in new[] { (casing, 4.5), (color, 2.2) })
        {
            writer.Begin("path").Attr("fill", "none").Attr("stroke", stroke).Attr("stroke-width", width).Attr("stroke-linecap", "round");
            writer.BeginAttr("d");
            var d = new PathBuilder(writer.Builder);
            d.MoveTo(x - size, y - size);
            d.LineTo(x + size, y + size);
            d.MoveTo(x - size, y + size);
            d.LineTo(x + size, y - size);
            writer.EndAttr().WithTitle("path", title);
        }

        writer.End("g");
    }

    private static void LevelLegend(SvgWriter writer, string? title, (double Min, double Max) range, double[] thresholds, int levels, double x, double top, double bottom, double rightEdge)
    {
        writer.Begin("g").Attr("class", "level-scale").Open();
        var bandHeight = (bottom - top) / levels;
        for (var k = 0; k < levels; k++)
        {
            var low = k == 0 ? range.Min : thresholds[k - 1];
            var high = k == levels - 1 ? range.Max : thresholds[k];
            writer.Begin("rect").Attr("x", x).Attr("y", bottom - ((k + 1) * bandHeight)).Attr("width", 14).Attr("height", bandHeight + 0.3)
                .Attr("fill", BandColor(k, levels)).WithTitle("rect", $"{TickFormat.Value(low)} – {TickFormat.Value(high)}");
        }

        // Label every boundary when there is room, otherwise every other one.
        var every = bandHeight >= 13 ? 1 : 2;
        writer.Begin("g").Attr("class", "level-ticks").Attr("fill", ChartFrame.MutedColor).Attr("font-size", 10).Open();
        for (var k = 0; k <= levels; k += every)
        {
            var value = k == 0 ? range.Min : k == levels ? range.Max : thresholds[k - 1];
            writer.TextAt(x + 19, bottom - (k * bandHeight) + 3.5, TickFormat.Value(value));
        }

        writer.End("g");
        if (!string.IsNullOrEmpty(title))
        {
            writer.TextAt(x + 7, top - 8, TextMetrics.Fit(title, Math.Min(140, 2 * (rightEdge - x - 7))), "middle", ChartFrame.TextColor, cssClass: "color-title");
        }

        writer.End("g");
    }

    private static double[] Thresholds(double min, double max, int levels, bool log)
    {
        var result = new double[levels - 1];
        for (var k = 1; k < levels; k++)
        {
            var f = k / (double)levels;
            var level = log ? min + ((max - min) * Math.Pow(10, -3 * (1 - f))) : min + ((max - min) * f);

            // Two significant digits make legend values people can read ("130", not "129.8").
            result[k - 1] = level == 0 ? 0 : Math.Round(level, Math.Clamp(1 - (int)Math.Floor(Math.Log10(Math.Abs(level))), 0, 15));
        }

        return result;
    }

    private static string BandColor(int band, int levels) => ChartPalette.Sequential(band / (double)(levels - 1));

    // Trajectories sit on viridis, so they take the palette colours that stand out against it (vermillion first).
    internal static string PathColor(int index) => ChartPalette.Category(index switch { 0 => 1, 1 => 6, 2 => 4, 3 => 0, _ => index });

    private static string Hover(ContourPath path, int step) =>
        $"{path.Name}, step {step.ToString(CultureInfo.InvariantCulture)}: ({TickFormat.Value(path.X[step])}, {TickFormat.Value(path.Y[step])})";
}
