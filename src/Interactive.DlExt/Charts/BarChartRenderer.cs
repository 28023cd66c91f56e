namespace Interactive.DlExt.Charts;

/// <summary>Lays out and draws a <see cref="BarChart"/>.</summary>
internal static class BarChartRenderer
{
    public static string Render(BarChart chart)
    {
        var count = chart.Labels.Count;
        ChartGuard.SameLength(count, chart.Values.Count, nameof(BarChart.Values), nameof(BarChart));
        var whiskers = chart.Low is not null && chart.High is not null;
        if (whiskers)
        {
            ChartGuard.SameLength(count, chart.Low!.Count, nameof(BarChart.Low), nameof(BarChart));
            ChartGuard.SameLength(count, chart.High!.Count, nameof(BarChart.High), nameof(BarChart));
        }

        var width = ChartGuard.Size(chart.Width, 200, nameof(BarChart.Width));
        var titleHeight = string.IsNullOrEmpty(chart.Title) ? 10 : 30;
        var axisHeight = 22 + (string.IsNullOrEmpty(chart.ValueLabel) ? 0 : 16);
        var height = ChartGuard.Size(chart.Height ?? (titleHeight + 8 + (Math.Max(count, 2) * 26) + axisHeight), 80, nameof(BarChart.Height));
        var writer = new SvgWriter(width, height, chart.Id, chart.Title);
        var top = ChartFrame.Title(writer, chart.Title, width) + 8;
        var labelWidth = Math.Min(width / 3, count == 0 ? 0 : chart.Labels.Max(l => TextMetrics.Width(l)));
        var left = 10 + labelWidth + 8;
        var right = width - 20;
        var bottom = height - axisHeight;
        var range = ColorBar.Range(whiskers ? chart.Values.Concat(chart.Low!).Concat(chart.High!) : chart.Values, false);
        if (range is not { } r)
        {
            ChartFrame.Placeholder(writer, left, top, right, bottom);
            return writer.Finish();
        }

        // Room on the right for the value written after the longest bar.
        var valueWidth = Enumerable.Range(0, count).Max(i => TextMetrics.Width(ValueText(chart, i), 10)) + 8;
        var scale = AxisScale.Create(Math.Min(0, r.Min), Math.Max(0, r.Max), left, right - valueWidth, false, Math.Max(2, (int)((right - left) / 90)));
        var rowHeight = (bottom - top) / Math.Max(count, 1);
        ChartFrame.XAxis(writer, scale, top, bottom, true);
        var zero = scale.Map(0);
        writer.Begin("g").Attr("class", "bars").Attr("fill", ChartPalette.Category(0)).Open();
        for (var i = 0; i < count; i++)
        {
            var value = chart.Values[i];
            if (!double.IsFinite(value))
            {
                continue;
            }

            var end = scale.Map(value);
            writer.Begin("rect").Attr("x", Math.Min(zero, end)).Attr("y", top + (i * rowHeight) + (rowHeight * 0.15))
                .Attr("width", Math.Max(0.5, Math.Abs(end - zero))).Attr("height", rowHeight * 0.7)
                .WithTitle("rect", $"{chart.Labels[i]}: {TickFormat.Value(value)}");
        }

        writer.End("g");
        if (whiskers)
        {
            writer.Begin("g").Attr("class", "bar-intervals").Attr("stroke", "#222222").Attr("stroke-width", 1.5).Open();
            for (var i = 0; i < count; i++)
            {
                if (double.IsFinite(chart.Low![i]) && double.IsFinite(chart.High![i]))
                {
                    double x1 = scale.Map(chart.Low[i]), x2 = scale.Map(chart.High[i]), y = top + ((i + 0.5) * rowHeight), cap = rowHeight * 0.2;
                    writer.Begin("path").Attr("d", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"M{x1:0.#} {y - cap:0.#}V{y + cap:0.#}M{x1:0.#} {y:0.#}H{x2:0.#}M{x2:0.#} {y - cap:0.#}V{y + cap:0.#}"))
                        .WithTitle("path", $"{chart.Labels[i]}: {TickFormat.Value(chart.Low[i])} to {TickFormat.Value(chart.High[i])}");
                }
            }

            writer.End("g");
        }

        writer.Begin("g").Attr("class", "bar-values").Attr("font-size", 10).Attr("fill", ChartFrame.MutedColor).Open();
        for (var i = 0; i < count; i++)
        {
            var value = chart.Values[i];
            var x = double.IsFinite(value) ? scale.Map(whiskers && double.IsFinite(chart.High![i]) ? Math.Max(value, chart.High[i]) : value) : zero;
            var negative = value < 0;
            writer.TextAt(negative ? x - 4 : x + 4, top + ((i + 0.5) * rowHeight) + 3.5, ValueText(chart, i), negative ? "end" : "start");
        }

        writer.End("g");
        writer.Begin("g").Attr("class", "bar-labels").Attr("text-anchor", "end").Attr("fill", ChartFrame.TextColor).Open();
        for (var i = 0; i < count; i++)
        {
            writer.TextAt(left - 6, top + ((i + 0.5) * rowHeight) + 4, TextMetrics.Fit(chart.Labels[i], labelWidth));
        }

        writer.End("g");
        ChartFrame.Axes(writer, zero, top, zero, bottom);
        ChartFrame.XLabel(writer, chart.ValueLabel, left, right, height - 8);
        return writer.Finish();
    }

    // "0.44 [0.1–0.95]" with an interval, so the number after a whisker is not read as the whisker's end.
    private static string ValueText(BarChart chart, int i) =>
        chart.Low is { } low && chart.High is { } high && double.IsFinite(low[i]) && double.IsFinite(high[i])
            ? $"{TickFormat.Value(chart.Values[i])} [{TickFormat.Value(low[i])}–{TickFormat.Value(high[i])}]"
            : TickFormat.Value(chart.Values[i]);
}
