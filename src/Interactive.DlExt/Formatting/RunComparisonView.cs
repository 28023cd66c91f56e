using System.Globalization;
using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of a <see cref="RunComparison"/>: the training loss, validation loss and validation accuracy of every run on
/// shared charts (one colour and legend entry per run, the x axis the comparison's), a table of each run's result, and,
/// when the runs differ in batch size, the batch-size trade-off: a table of steps and time per epoch, throughput and
/// accuracy, and the validation accuracy against wall time.
/// </summary>
internal static class RunComparisonView
{
    private const double ChartWidth = 660; // inside the view card (max-width 680px)
    private const double ChartHeight = 250;

    public static string Html(RunComparison comparison) => HtmlParts.Wrap("compare", html =>
    {
        HtmlParts.Title(html, HtmlParts.Encode(Title(comparison)));
        HtmlParts.Facts(html, HtmlParts.Encode(Facts(comparison)));
        foreach (var chart in Charts(comparison))
        {
            if (comparison.Axis == ComparisonAxis.Seconds)
            {
                HtmlParts.ClockChart(html, chart.ToSvg());
            }
            else
            {
                HtmlParts.Chart(html, chart.ToSvg());
            }
        }

        HtmlParts.Table(html, ["run", "epochs", "train loss", "val loss", "best val acc", "time"],
            [.. comparison.Runs.Select(ResultRow)], [false, true, true, true, true, true]);
        if (comparison.DiffersInBatchSize)
        {
            HtmlParts.Title(html, "Batch size: time against accuracy");
            HtmlParts.Table(html, ["run", "batch", "steps/epoch", "time/epoch", "samples/s", "best val acc"],
                [.. comparison.Runs.Select(BatchRow)], [false, true, true, true, true, true], clock: [false, false, false, true, true, false]);
            if (comparison.HasValidationAccuracy && comparison.Axis != ComparisonAxis.Seconds)
            {
                HtmlParts.ClockChart(html, AccuracyAgainstTime(comparison).ToSvg());
            }

            HtmlParts.Caption(html, "A larger batch takes fewer, cheaper-per-sample steps per epoch; per epoch it usually learns less. "
                + "Times are wall-clock epoch times on this machine, validation included.");
        }

        if (comparison.ReferenceBatchSize is { } reference)
        {
            HtmlParts.Caption(html, string.Create(CultureInfo.InvariantCulture,
                $"Learning rate scaled linearly with the batch size: lr = base lr × batch / {reference} (Goyal et al. 2017)."));
        }
    });

    public static string Text(RunComparison comparison) =>
        Title(comparison) + Environment.NewLine + Facts(comparison) + Environment.NewLine
        + string.Join(Environment.NewLine, comparison.Runs.Select(r =>
            $"  {r.Label}: {r.History.Epochs.Count} epochs, train loss {Value(r.History.LastEpoch?.TrainLoss)}"
            + (r.History.LastEpoch?.ValidationLoss is { } vl ? $", val loss {HtmlParts.Number(vl)}" : string.Empty)
            + (r.BestValidationAccuracy is { } acc ? $", best val acc {HtmlParts.Percent(acc)}" : string.Empty)
            + $", {HtmlParts.Duration(r.TimePerEpoch)}/epoch"
            + (comparison.DiffersInBatchSize ? string.Create(CultureInfo.InvariantCulture, $", {r.StepsPerEpoch} steps/epoch, {HtmlParts.Number(r.SamplesPerSecond, "N0")} samples/s") : string.Empty)));

    /// <summary>The curves: training loss, validation loss (when any run has one), validation accuracy (classifiers).</summary>
    internal static IReadOnlyList<LineChart> Charts(RunComparison comparison)
    {
        var charts = new List<LineChart> { Curves(comparison, "Training loss", "loss", e => e.TrainLoss, log: true) };
        if (comparison.HasValidationLoss)
        {
            charts.Add(Curves(comparison, "Validation loss", "loss", e => e.ValidationLoss, log: true));
        }

        if (comparison.HasValidationAccuracy)
        {
            charts.Add(Curves(comparison, "Validation accuracy", "accuracy", e => e.ValidationAccuracy, log: false));
        }

        return charts;
    }

    /// <summary>Validation accuracy against cumulative wall time, one line per run.</summary>
    internal static LineChart AccuracyAgainstTime(RunComparison comparison) => new()
    {
        Title = "Validation accuracy against wall time",
        XLabel = RunComparison.AxisTitle(ComparisonAxis.Seconds),
        YLabel = "accuracy",
        Series = [.. comparison.Runs.Select((r, i) =>
        {
            var points = r.AccuracyAgainstTime();
            return new LineSeries(r.Label, [.. points.Select(p => p.Seconds)], [.. points.Select(p => p.Accuracy)]) { Color = ChartPalette.Category(i) };
        })],
        Width = ChartWidth,
        Height = ChartHeight,
    };

    private static LineChart Curves(RunComparison comparison, string title, string yLabel, Func<EpochRecord, double?> metric, bool log)
    {
        var series = comparison.Runs.Select((r, i) => new LineSeries(
            r.Label, r.EpochEnds(comparison.Axis), [.. r.History.Epochs.Select(e => metric(e) ?? double.NaN)]) { Color = ChartPalette.Category(i) }).ToList();
        var values = series.SelectMany(s => s.Y).Where(double.IsFinite).ToArray();
        var logY = log && values.Length > 0 && HtmlParts.UseLogScale(values);
        return new LineChart
        {
            Title = title,
            XLabel = RunComparison.AxisTitle(comparison.Axis),
            YLabel = logY ? yLabel + " (log)" : yLabel,
            LogY = logY,
            IntegerX = comparison.Axis == ComparisonAxis.Epochs, // no epoch 1.2 on a run of 2 epochs
            Series = series,
            Width = ChartWidth,
            Height = ChartHeight,
        };
    }

    private static IReadOnlyList<string> ResultRow(ComparedRun r)
    {
        var last = r.History.LastEpoch;
        return [r.Label, r.History.Epochs.Count.ToString(CultureInfo.InvariantCulture), Value(last?.TrainLoss), Value(last?.ValidationLoss),
            r.BestValidationAccuracy is { } a ? HtmlParts.Percent(a) : "–", HtmlParts.Duration(r.History.IsComplete ? r.History.Elapsed : r.TimePerEpoch * r.History.Epochs.Count)];
    }

    private static IReadOnlyList<string> BatchRow(ComparedRun r) =>
    [
        r.Label, r.Settings.BatchSize.ToString(CultureInfo.InvariantCulture), r.StepsPerEpoch.ToString(CultureInfo.InvariantCulture),
        r.History.Epochs.Count == 0 ? "–" : HtmlParts.Duration(r.TimePerEpoch), r.History.Epochs.Count == 0 ? "–" : HtmlParts.Number(r.SamplesPerSecond, "N0"),
        r.BestValidationAccuracy is { } a ? HtmlParts.Percent(a) : "–",
    ];

    private static string Title(RunComparison comparison)
    {
        var running = comparison.Runs.Count(r => !r.History.IsComplete);
        // A scaled learning rate follows the batch size: the runs differ by the batch, the title says how the lr went with it.
        var scaled = comparison.ReferenceBatchSize is not null;
        var by = comparison.DifferingSettings.Where(d => !(scaled && d == "lr")).ToArray();
        return (by.Length == 0 ? "Runs compared" : "Runs compared by " + string.Join(", ", by))
            + (scaled ? " (lr scaled linearly)" : string.Empty)
            + (running > 0 ? " (training…)" : string.Empty);
    }

    private static string Facts(RunComparison comparison)
    {
        var first = comparison.Runs[0].Settings;
        var shared = new List<string> { comparison.Runs.Count.ToString(CultureInfo.InvariantCulture) + " runs" };
        if (!comparison.DifferingSettings.Contains("model"))
        {
            shared.Add(first.Model);
        }

        if (!comparison.DifferingSettings.Contains("optimizer"))
        {
            shared.Add(first.Optimizer);
        }

        if (!comparison.DifferingSettings.Contains("seed"))
        {
            shared.Add("seed " + first.Seed.ToString(CultureInfo.InvariantCulture));
        }

        shared.Add("x: " + RunComparison.AxisTitle(comparison.Axis));
        return string.Join(" · ", shared);
    }

    private static string Value(double? value) => value is { } v ? HtmlParts.Number(v) : "–";
}
