using System.Globalization;

namespace Interactive.DlExt.Charts;

/// <summary>Lays out and draws a <see cref="Heatmap"/>.</summary>
internal static class HeatmapRenderer
{
    public static string Render(Heatmap chart)
    {
        var width = ChartGuard.Size(chart.Width, 150, nameof(Heatmap.Width));
        var height = ChartGuard.Size(chart.Height, 150, nameof(Heatmap.Height));
        ArgumentNullException.ThrowIfNull(chart.Values, nameof(Heatmap.Values));
        int rows = chart.Values.GetLength(0), columns = chart.Values.GetLength(1);
        if (chart.RowLabels is { } rl)
        {
            ChartGuard.SameLength(rows, rl.Count, nameof(Heatmap.RowLabels), nameof(Heatmap));
        }

        if (chart.ColumnLabels is { } cl)
        {
            ChartGuard.SameLength(columns, cl.Count, nameof(Heatmap.ColumnLabels), nameof(Heatmap));
        }

        var rowLabels = chart.RowLabels ?? Numbers(rows);
        var columnLabels = chart.ColumnLabels ?? Numbers(columns);
        var writer = new SvgWriter(width, height, chart.Id, chart.Title);
        var top = ChartFrame.Title(writer, chart.Title, width) + 16;
        var range = ColorBar.Range(chart.Values.Cast<double>(), chart.LogColor);
        var domain = range is { } r ? ColorBar.Domain(r, chart.LogColor) : (0, 1);
        var barWidth = range is null ? 0 : ColorBar.Width(AxisScale.Create(domain.Item1, domain.Item2, 1, 0, chart.LogColor, 4, nice: false)) + 14;
        var rowLabelWidth = Math.Min(width / 4, rowLabels.Count == 0 ? 0 : rowLabels.Max(l => TextMetrics.Width(l)));
        var left = 10 + (string.IsNullOrEmpty(chart.RowTitle) ? 0 : 18) + rowLabelWidth + 6;
        var right = width - 12 - barWidth;
        var columnLabelWidth = columnLabels.Count == 0 ? 0 : columnLabels.Max(l => TextMetrics.Width(l));
        var cellWidth = columns == 0 ? 0 : (right - left) / columns;

        // Column labels turn 45° when they are wider than their cells.
        var slanted = columnLabelWidth > cellWidth - 4;
        var labelBand = slanted ? Math.Min(height / 4, (columnLabelWidth * 0.72) + 10) : 18;
        var bottom = height - 8 - labelBand - (string.IsNullOrEmpty(chart.ColumnTitle) ? 0 : 16);
        if (rows == 0 || columns == 0 || range is null)
        {
            ChartFrame.Placeholder(writer, left, top, right, bottom);
            return writer.Finish();
        }

        if (bottom - top < 20)
        {
            ChartGuard.Fail(nameof(Heatmap.Height), $"Height = {ChartGuard.Text(height)} leaves no room for the matrix: increase it.");
        }

        var cellHeight = (bottom - top) / rows;
        var texts = new string[rows, columns];
        var widest = 0.0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                texts[i, j] = TickFormat.Value(chart.Values[i, j]);
                widest = Math.Max(widest, TextMetrics.Width(texts[i, j], 10));
            }
        }

        var showValues = chart.ShowValues ?? (widest + 4 <= cellWidth && cellHeight >= 13);
        writer.Begin("g").Attr("class", "cells").Open();
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var value = chart.Values[i, j];
                var t = ColorBar.Position(value, domain.Item1, domain.Item2, chart.LogColor);
                writer.Begin("rect").Attr("x", left + (j * cellWidth)).Attr("y", top + (i * cellHeight))
                    .Attr("width", cellWidth).Attr("height", cellHeight).Attr("fill", ChartPalette.Sequential(t))
                    .WithTitle("rect", $"{rowLabels[i]} / {columnLabels[j]}: {texts[i, j]}");
            }
        }

        writer.End("g");
        if (showValues)
        {
            writer.Begin("g").Attr("class", "cell-values").Attr("text-anchor", "middle").Attr("font-size", 10).Open();
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    var t = ColorBar.Position(chart.Values[i, j], domain.Item1, domain.Item2, chart.LogColor);
                    writer.TextAt(left + ((j + 0.5) * cellWidth), top + ((i + 0.5) * cellHeight) + 3.5, texts[i, j], fill: ChartPalette.TextOnSequential(t));
                }
            }

            writer.End("g");
        }

        writer.Begin("g").Attr("class", "row-labels").Attr("text-anchor", "end").Attr("fill", ChartFrame.TextColor).Open();
        // Thin the labels when cells are smaller than a line of text, so neighbours never overlap.
        var everyRow = (int)Math.Ceiling(12 / cellHeight);
        for (var i = 0; i < rows; i += everyRow)
        {
            writer.TextAt(left - 6, top + ((i + 0.5) * cellHeight) + 4, TextMetrics.Fit(rowLabels[i], rowLabelWidth + 1));
        }

        writer.End("g");
        writer.Begin("g").Attr("class", "column-labels").Attr("text-anchor", slanted ? "end" : "middle").Attr("fill", ChartFrame.TextColor).Open();
        var everyColumn = slanted ? (int)Math.Ceiling(12 / cellWidth) : 1;
        for (var j = 0; j < columns; j += everyColumn)
        {
            var x = left + ((j + 0.5) * cellWidth);
            var label = TextMetrics.Fit(columnLabels[j], (slanted ? (labelBand - 10) / 0.72 : cellWidth) + 1);
            var transform = slanted ? $"rotate(-45 {SvgNumber.Format(x)} {SvgNumber.Format(bottom + 10)})" : null;
            writer.TextAt(x, bottom + 14, label, transform: transform);
        }

        writer.End("g");
        ColorBar.Write(writer, chart.ValueLabel, domain.Item1, domain.Item2, chart.LogColor, right + 14, top, bottom, width - 4);
        ChartFrame.YLabel(writer, chart.RowTitle, 18, top, bottom);
        ChartFrame.XLabel(writer, chart.ColumnTitle, left, right, height - 8);
        return writer.Finish();
    }

    private static string[] Numbers(int count) =>
        Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
}
