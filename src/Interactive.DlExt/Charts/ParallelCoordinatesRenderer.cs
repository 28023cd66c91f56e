using System.Globalization;

namespace Interactive.DlExt.Charts;

/// <summary>Lays out and draws a <see cref="ParallelCoordinates"/> chart.</summary>
internal static class ParallelCoordinatesRenderer
{
    public static string Render(ParallelCoordinates chart)
    {
        var width = ChartGuard.Size(chart.Width, 200, nameof(ParallelCoordinates.Width));
        var height = ChartGuard.Size(chart.Height, 150, nameof(ParallelCoordinates.Height));
        var trials = chart.Objective.Count;
        foreach (var axis in chart.Axes)
        {
            var count = axis.Kind == ParallelAxisKind.Categorical ? axis.Categories.Count : axis.Values.Count;
            ChartGuard.SameLength(trials, count, axis.Kind == ParallelAxisKind.Categorical ? "Categories" : "Values", $"ParallelAxis '{axis.Name}'");
        }

        if (chart.TrialLabels is { } tl)
        {
            ChartGuard.SameLength(trials, tl.Count, nameof(ParallelCoordinates.TrialLabels), nameof(ParallelCoordinates));
        }

        var writer = new SvgWriter(width, height, chart.Id, chart.Title);
        var top = ChartFrame.Title(writer, chart.Title, width) + 22;
        var bottom = height - 16;
        var axes = chart.Axes.Append(ParallelAxis.Numeric(chart.ObjectiveName, chart.Objective)).ToList();
        var objectiveRange = ColorBar.Range(chart.Objective, false);
        var left = 16 + FirstAxisLabelWidth(axes[0]);
        if (trials == 0 || objectiveRange is null)
        {
            ChartFrame.Placeholder(writer, 16, top, width - 16, bottom);
            return writer.Finish();
        }

        // The colour legend: the objective's scale on the right, bright at the best end.
        var (low, high) = objectiveRange.Value;
        var barWidth = ColorBar.Width(AxisScale.Create(low, high, 1, 0, false, 4, nice: false));
        var right = width - 30 - TickRoom(axes[^1]) - barWidth - 12;

        var spacing = axes.Count > 1 ? (right - left) / (axes.Count - 1) : 0;
        var positions = new Func<int, double>[axes.Count];
        var drawAxes = new Action[axes.Count];
        for (var a = 0; a < axes.Count; a++)
        {
            (positions[a], drawAxes[a]) = Axis(writer, axes[a], left + (a * spacing), top, bottom, spacing);
        }

        // Draw worst first so the best trials end on top.
        var order = Enumerable.Range(0, trials)
            .OrderBy(i => double.IsFinite(chart.Objective[i]) ? 1 : 0)
            .ThenBy(i => chart.LowerIsBetter ? -chart.Objective[i] : chart.Objective[i])
            .ThenBy(i => i)
            .ToList();
        writer.Begin("g").Attr("class", "trials").Attr("fill", "none").Attr("stroke-width", 1.6).Attr("stroke-opacity", 0.8).Open();
        foreach (var i in order)
        {
            var t = ColorBar.Position(chart.Objective[i], low, high, false);
            var color = double.IsNaN(t) ? "#bbbbbb" : ChartPalette.Sequential(chart.LowerIsBetter ? 1 - t : t);
            writer.Begin("path").Attr("class", "trial").Attr("stroke", color);
            var path = new PathBuilder(writer.Builder);
            writer.BeginAttr("d");
            var drawing = false;
            var any = false;
            for (var a = 0; a < axes.Count; a++)
            {
                var y = positions[a](i);
                if (!double.IsFinite(y))
                {
                    drawing = false;
                    continue;
                }

                var x = left + (a * spacing);
                if (drawing)
                {
                    path.LineTo(x, y);
                }
                else
                {
                    path.MoveTo(x, y);
                    drawing = any = true;
                }
            }

            if (!any)
            {
                writer.Builder.Append("M0 0");
            }

            writer.EndAttr().WithTitle("path", Hover(chart, axes, i));
        }

        writer.End("g");

        // Axes after the lines, with a white halo on the text, so labels stay readable over dense trials.
        foreach (var draw in drawAxes)
        {
            draw();
        }

        ColorBar.Write(writer, chart.ObjectiveName, low, high, false, width - barWidth - 8, top + 14, bottom, width - 4, reversed: chart.LowerIsBetter);

        return writer.Finish();
    }

    /// <summary>Returns the trial → y mapping (NaN when the trial has no drawable value) and the action that draws the axis.</summary>
    private static (Func<int, double> Map, Action Draw) Axis(SvgWriter writer, ParallelAxis axis, double x, double top, double bottom, double spacing)
    {
        var ticks = new List<(double Y, string Text)>();
        Func<int, double> map;
        if (axis.Kind == ParallelAxisKind.Categorical)
        {
            var order = axis.CategoryOrder ?? [];
            var categories = order.Where(axis.Categories.Contains).Concat(axis.Categories.Where(c => !order.Contains(c))).Distinct(StringComparer.Ordinal).ToList();
            var step = (bottom - top) / Math.Max(1, categories.Count);
            var index = categories.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => bottom - ((p.k + 0.5) * step), StringComparer.Ordinal);
            ticks.AddRange(categories.Select(c => (index[c], TextMetrics.Fit(c, Math.Max(40, spacing - 12), 10))));
            map = i => index[axis.Categories[i]];
        }
        else
        {
            var log = axis.Kind == ParallelAxisKind.Log;
            var range = ColorBar.Range(axis.Values, log) ?? (1, 1);
            var scale = AxisScale.Create(range.Min, range.Max, bottom, top, log, 4, nice: false);
            ticks.AddRange(scale.Ticks.Select(t => (scale.Map(t), scale.Format(t))).Where(t => t.Item1 >= top - 0.5 && t.Item1 <= bottom + 0.5));
            if (ticks.Count < 2)
            {
                // A range narrower than its round steps (0.0095 to 0.989 holds only 0.5) gets its ends labelled, so the axis reads.
                foreach (var end in new[] { range.Min, range.Max })
                {
                    var y = scale.Map(end);
                    if (ticks.TrueForAll(t => Math.Abs(t.Y - y) > 14))
                    {
                        ticks.Add((y, TickFormat.Value(end)));
                    }
                }
            }

            map = i => double.IsFinite(axis.Values[i]) ? scale.Map(axis.Values[i]) : double.NaN;
        }

        void Draw()
        {
            writer.Begin("g").Attr("class", "parallel-axis").Open();
            writer.Begin("line").Attr("x1", x).Attr("y1", top).Attr("x2", x).Attr("y2", bottom).Attr("stroke", ChartFrame.AxisColor).Empty();
            writer.TextAt(x, top - 10, TextMetrics.Fit(axis.Name, Math.Max(60, spacing - 6)), "middle", ChartFrame.TextColor, cssClass: "axis-name", weight: "600");
            writer.Begin("g").Attr("class", "y-ticks").Attr("fill", ChartFrame.TextColor).Attr("font-size", 10)
                .Attr("stroke", "#ffffff").Attr("stroke-width", 3).Attr("stroke-opacity", 0.85).Attr("paint-order", "stroke").Open();
            foreach (var (y, text) in ticks)
            {
                writer.TextAt(x + 5, y + 3.5, text);
            }

            writer.End("g");
            writer.End("g");
        }

        return (map, Draw);
    }

    private static string Hover(ParallelCoordinates chart, List<ParallelAxis> axes, int trial)
    {
        var name = chart.TrialLabels?[trial] ?? "trial " + trial.ToString(CultureInfo.InvariantCulture);
        var parts = axes.Select(a => a.Name + " = " + (a.Kind == ParallelAxisKind.Categorical ? a.Categories[trial] : TickFormat.Value(a.Values[trial])));
        return name + ": " + string.Join(", ", parts);
    }

    private static double FirstAxisLabelWidth(ParallelAxis axis) => Math.Min(80, TextMetrics.Width(axis.Name) / 2);

    private static double TickRoom(ParallelAxis axis) => Math.Max(TextMetrics.Width(axis.Name) / 2, 40);
}
