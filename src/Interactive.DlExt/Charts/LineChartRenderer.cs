namespace Interactive.DlExt.Charts;

/// <summary>Lays out and draws a <see cref="LineChart"/>.</summary>
internal static class LineChartRenderer
{
    private const double PanelGap = 22;
    private const int MaxDotsPerSeries = 40;
    private const double MinEpochSpacing = 10;

    public static string Render(LineChart chart)
    {
        var width = ChartGuard.Size(chart.Width, 200, nameof(LineChart.Width));
        var height = ChartGuard.Size(chart.Height, 150, nameof(LineChart.Height));
        var panel = chart.LowerPanel;
        Validate(chart.Series, nameof(LineChart.Series));
        if (panel is not null)
        {
            Validate(panel.Series, "LowerPanel.Series");
            ChartGuard.Size(panel.Height, 30, "LowerPanel.Height");
        }

        var panelSeries = panel?.Series ?? [];
        var writer = new SvgWriter(width, height, chart.Id, chart.Title, 8192);
        var top = ChartFrame.Title(writer, chart.Title, width);
        var legend = new List<LegendItem>();
        for (var i = 0; i < chart.Series.Count + panelSeries.Count; i++)
        {
            var series = i < chart.Series.Count ? chart.Series[i] : panelSeries[i - chart.Series.Count];
            legend.Add(new LegendItem(
                series.Name,
                series.Color ?? ChartPalette.Category(i),
                series.PointsOnly ? LegendSymbol.Point : series.Dashed ? LegendSymbol.DashedLine : LegendSymbol.Line));
        }

        var xRange = Range(chart.Series.Concat(panelSeries), s => s.X, chart.LogX, chart.VerticalMarkers.Select(m => m.X).Concat(chart.PointMarkers.Select(m => m.X)).Concat(chart.XIncludes));
        var yRange = Range(chart.Series, s => s.Y, chart.LogY, chart.PointMarkers.Select(m => m.Y));
        var panelRange = panel is null ? null : Range(panel.Series, s => s.Y, panel.LogY, []);

        // Tick values do not depend on pixels, so a first pass over [0, 1] sizes the left margin.
        var probeY = yRange is { } yr ? AxisScale.Create(yr.Min, yr.Max, 0, 1, chart.LogY, integer: chart.IntegerY) : null;
        var probePanel = panelRange is { } pr ? AxisScale.Create(pr.Min, pr.Max, 0, 1, panel!.LogY, 3) : null;
        var tickWidth = Math.Max(probeY is null ? 0 : ChartFrame.TickWidth(probeY), probePanel is null ? 0 : ChartFrame.TickWidth(probePanel));
        var hasYLabel = !string.IsNullOrEmpty(chart.YLabel) || !string.IsNullOrEmpty(panel?.YLabel);
        var left = 10 + (hasYLabel ? 18 : 0) + tickWidth + 8;
        var right = width - 18;
        var legendTop = top;
        top += ChartFrame.LegendHeight(legend, right - left) + 8;
        var bottom = height - 22 - (string.IsNullOrEmpty(chart.XLabel) ? 0 : 16);
        var panelTop = bottom;
        if (panel is not null)
        {
            panelTop = bottom - panel.Height;
            bottom = panelTop - PanelGap;
        }

        if (bottom - top < 30)
        {
            ChartGuard.Fail(nameof(LineChart.Height), $"Height = {ChartGuard.Text(height)} leaves no room for the plot: increase it.");
        }

        ChartFrame.Legend(writer, legend, left, legendTop, right - left);
        if (xRange is not { } xr || (yRange is null && panelRange is null))
        {
            ChartFrame.Placeholder(writer, left, top, right, height - 22);
            return writer.Finish();
        }

        var xScale = AxisScale.Create(xr.Min, xr.Max, left, right, chart.LogX, Math.Max(3, (int)((right - left) / 80)), integer: chart.IntegerX);
        var lowest = panel is null ? bottom : height - 22 - (string.IsNullOrEmpty(chart.XLabel) ? 0 : 16);
        var dotRadius = 2.5;
        if (yRange is { } mainRange)
        {
            var yScale = AxisScale.Create(mainRange.Min, mainRange.Max, bottom, top, chart.LogY, Math.Max(2, (int)((bottom - top) / 50)), integer: chart.IntegerY);
            Plot(writer, chart.Series, 0, xScale, yScale, top, bottom, panel is null, chart.EpochBoundaries, dotRadius);
            foreach (var marker in chart.PointMarkers)
            {
                PointMarker(writer, marker, xScale, yScale, right);
            }
        }
        else
        {
            ChartFrame.Placeholder(writer, left, top, right, bottom);
        }

        ChartFrame.YLabel(writer, chart.YLabel, 18, top, bottom);
        if (panel is not null)
        {
            if (panelRange is { } pr2)
            {
                var panelScale = AxisScale.Create(pr2.Min, pr2.Max, lowest, panelTop, panel.LogY, 3);
                Plot(writer, panel.Series, chart.Series.Count, xScale, panelScale, panelTop, lowest, true, chart.EpochBoundaries, dotRadius);
            }
            else
            {
                ChartFrame.Placeholder(writer, left, panelTop, right, lowest);
            }

            ChartFrame.YLabel(writer, panel.YLabel, 18, panelTop, lowest);
        }

        foreach (var marker in chart.VerticalMarkers)
        {
            VerticalMarker(writer, marker, xScale, top, lowest, right);
        }

        ChartFrame.XLabel(writer, chart.XLabel, left, right, height - 8);
        return writer.Finish();
    }

    private static void Plot(
        SvgWriter writer, IReadOnlyList<LineSeries> series, int colorOffset, AxisScale xScale, AxisScale yScale,
        double top, double bottom, bool xLabels, IReadOnlyList<double> epochs, double dotRadius)
    {
        var (left, right) = (xScale.Map(xScale.Minimum), xScale.Map(xScale.Maximum));
        ChartFrame.YAxis(writer, yScale, left, right);
        ChartFrame.XAxis(writer, xScale, top, bottom, xLabels);
        EpochLines(writer, epochs, xScale, top, bottom);
        ChartFrame.Axes(writer, left, top, right, bottom);
        var lone = new List<(double X, double Y, string Title, string Color)>();
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var color = s.Color ?? ChartPalette.Category(colorOffset + i);
            var summary = Summary(s);
            if (s.PointsOnly)
            {
                var points = Enumerable.Range(0, s.Y.Count).Where(j => double.IsFinite(s.Y[j]) && double.IsFinite(s.X[j]) && double.IsFinite(yScale.Map(s.Y[j])));
                SeriesPath.Dots(writer, points.Select(j => (xScale.Map(s.X[j]), yScale.Map(s.Y[j]), $"{s.Name}: {TickFormat.Value(s.Y[j])} at {TickFormat.Value(s.X[j])}")), color, dotRadius + 0.5, "points");
                continue;
            }

            IReadOnlyList<double> ys = s.Y;
            if (s.Smoothing > 0)
            {
                SeriesPath.Write(writer, s.X, s.Y, xScale, yScale, "series-raw", color, 1, 0.3, s.Dashed, null, rawDetail: true);
                ys = Smoothing.ExponentialMovingAverage(s.Y, s.Smoothing);
            }

            var isolated = SeriesPath.Write(writer, s.X, ys, xScale, yScale, "series", color, s.Width, 1, s.Dashed, summary);
            var finite = Enumerable.Range(0, s.Y.Count).Where(j => double.IsFinite(s.Y[j]) && double.IsFinite(s.X[j]) && double.IsFinite(yScale.Map(s.Y[j]))).ToList();
            if (s.Reference)
            {
                continue;
            }

            if (finite.Count == 1)
            {
                // A one-point line (a trial pruned after its first epoch) has no stroke to see: a ringed marker on top instead.
                var j = finite[0];
                lone.Add((xScale.Map(s.X[j]), yScale.Map(s.Y[j]), $"{s.Name}: {TickFormat.Value(s.Y[j])} at {TickFormat.Value(s.X[j])}", color));
            }
            else if (finite.Count <= MaxDotsPerSeries && s.Smoothing <= 0)
            {
                SeriesPath.Dots(writer, finite.Select(j => (xScale.Map(s.X[j]), yScale.Map(s.Y[j]), $"{s.Name}: {TickFormat.Value(s.Y[j])} at {TickFormat.Value(s.X[j])}")), color, dotRadius, "points");
            }
            else if (isolated.Count > 0)
            {
                SeriesPath.Dots(writer, isolated.Select(p => (p.X, p.Y, $"{s.Name}: {TickFormat.Value(yScale.Invert(p.Y))} at {TickFormat.Value(xScale.Invert(p.X))}")), color, dotRadius, "points");
            }
        }

        if (lone.Count > 0)
        {
            writer.Begin("g").Attr("class", "points lone-points").Attr("stroke", "#ffffff").Attr("stroke-width", 1.5).Open();
            foreach (var (x, y, title, color) in lone)
            {
                writer.Begin("circle").Attr("cx", x).Attr("cy", y).Attr("r", dotRadius + 2).Attr("fill", color).WithTitle("circle", title);
            }

            writer.End("g");
        }
    }

    private static void EpochLines(SvgWriter writer, IReadOnlyList<double> epochs, AxisScale xScale, double top, double bottom)
    {
        if (epochs.Count == 0)
        {
            return;
        }

        var path = new PathBuilder(writer.Builder);
        writer.Begin("path").Attr("class", "epoch-grid").Attr("stroke", "#cfcfcf").Attr("stroke-dasharray", "2 3").Attr("fill", "none");
        writer.BeginAttr("d");
        var last = double.NegativeInfinity;
        var wrote = false;
        foreach (var epoch in epochs)
        {
            var x = xScale.Map(epoch);
            if (double.IsFinite(x) && x - last >= MinEpochSpacing && x >= xScale.Map(xScale.Minimum) && x <= xScale.Map(xScale.Maximum))
            {
                path.Vertical(x, top, bottom);
                last = x;
                wrote = true;
            }
        }

        if (!wrote)
        {
            writer.Builder.Append("M0 0");
        }

        writer.EndAttr().Empty();
    }

    private static void PointMarker(SvgWriter writer, PointMarker marker, AxisScale xScale, AxisScale yScale, double right)
    {
        double x = xScale.Map(marker.X), y = yScale.Map(marker.Y);
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return;
        }

        writer.Begin("g").Attr("class", "marker-point").Open();
        writer.Begin("circle").Attr("cx", x).Attr("cy", y).Attr("r", 5.5).Attr("fill", "none").Attr("stroke", "#000000").Attr("stroke-width", 2)
            .WithTitle("circle", $"{marker.Label}: {TickFormat.Value(marker.Y)} at {TickFormat.Value(marker.X)}");
        // The label goes on the side with room, cut to the plot so it never covers the axis labels.
        var left = xScale.Map(xScale.Minimum);
        var leftSide = x + 9 + TextMetrics.Width(marker.Label) > right && x - left > right - x;
        var label = TextMetrics.Fit(marker.Label, (leftSide ? x - left : right - x) - 12);
        writer.TextAt(leftSide ? x - 9 : x + 9, y - 9, label, leftSide ? "end" : "start", "#000000", weight: "600", halo: true);
        writer.End("g");
    }

    private static void VerticalMarker(SvgWriter writer, VerticalMarker marker, AxisScale xScale, double top, double bottom, double right)
    {
        var x = xScale.Map(marker.X);
        if (!double.IsFinite(x))
        {
            return;
        }

        writer.Begin("g").Attr("class", "marker-vertical").Open();
        writer.Begin("line").Attr("x1", x).Attr("y1", top).Attr("x2", x).Attr("y2", bottom).Attr("stroke", "#444444")
            .Attr("stroke-width", 1.5).Attr("stroke-dasharray", "5 4").WithTitle("line", $"{marker.Label} at {TickFormat.Value(marker.X)}");
        var left = xScale.Map(xScale.Minimum);
        var leftSide = x + 5 + TextMetrics.Width(marker.Label) > right && x - left > right - x;
        var label = TextMetrics.Fit(marker.Label, (leftSide ? x - left : right - x) - 8);
        writer.TextAt(leftSide ? x - 5 : x + 5, top + 12, label, leftSide ? "end" : "start", "#444444", halo: true);
        writer.End("g");
    }

    private static string Summary(LineSeries series)
    {
        int best = -1, last = -1;
        for (var i = 0; i < series.Y.Count; i++)
        {
            if (double.IsFinite(series.Y[i]))
            {
                last = i;
                if (best < 0 || series.Y[i] < series.Y[best])
                {
                    best = i;
                }
            }
        }

        return last < 0
            ? $"{series.Name}: no finite values"
            : $"{series.Name}: last {TickFormat.Value(series.Y[last])} at {TickFormat.Value(series.X[last])}, min {TickFormat.Value(series.Y[best])} at {TickFormat.Value(series.X[best])}";
    }

    private static (double Min, double Max)? Range(IEnumerable<LineSeries> series, Func<LineSeries, IReadOnlyList<double>> values, bool log, IEnumerable<double> extra)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in series.SelectMany(values).Concat(extra))
        {
            if (double.IsFinite(v) && (!log || v > 0))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return min <= max ? (min, max) : null;
    }

    private static void Validate(IReadOnlyList<LineSeries> series, string property)
    {
        ArgumentNullException.ThrowIfNull(series, property);
        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s, property);
            ChartGuard.SameLength(s.X.Count, s.Y.Count, "Y", $"LineSeries '{s.Name}'");
            if (!(s.Width > 0 && s.Width <= 40))
            {
                ChartGuard.Fail("Width", $"LineSeries '{s.Name}': Width = {ChartGuard.Text(s.Width)} is not accepted: expected a number in (0, 40].");
            }

            if (!(s.Smoothing >= 0 && s.Smoothing < 1))
            {
                ChartGuard.Fail("Smoothing", $"LineSeries '{s.Name}': Smoothing = {ChartGuard.Text(s.Smoothing)} is not accepted: expected a number in [0, 1).");
            }

            if (s.Color is { } color && !IsHexColor(color))
            {
                ChartGuard.Fail("Color", $"LineSeries '{s.Name}': Color = \"{color}\" is not accepted: expected \"#rrggbb\".");
            }
        }
    }

    private static bool IsHexColor(string color) =>
        color.Length == 7 && color[0] == '#' && color.Skip(1).All(char.IsAsciiHexDigit);
}
