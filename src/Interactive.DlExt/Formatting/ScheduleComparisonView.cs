using System.Globalization;
using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of a <see cref="ScheduleComparison"/>: one line chart of every schedule's planned rate against the
/// epoch (a legend entry per schedule; log y when the rates span 10× to 10⁴×), a lower panel with the momentum of
/// schedules that cycle it (dashed, in the colour of their rate), and a table of each schedule's formula and rates.
/// </summary>
internal static class ScheduleComparisonView
{
    public static string Html(ScheduleComparison comparison) => HtmlParts.Wrap("schedules", html =>
    {
        HtmlParts.Title(html, "Learning-rate schedules compared");
        HtmlParts.Facts(html, HtmlParts.Encode(Plan(comparison)));
        HtmlParts.Chart(html, Chart(comparison).ToSvg());
        var rows = comparison.Schedules.Select(s => (IReadOnlyList<string>)
            [s.Label, s.Schedule.Formula, HtmlParts.Number(s.LearningRates[0]), HtmlParts.Number(s.LearningRates.Max()), HtmlParts.Number(s.LearningRates[^1])]).ToList();
        HtmlParts.Table(html, ["schedule", "formula", "first\u00a0η", "peak\u00a0η", "last\u00a0η"], rows, [false, false, true, true, true], wrapText: true);
        if (comparison.Schedules.Any(s => s.Schedule is ReduceOnPlateau))
        {
            HtmlParts.Caption(html, "Reduce-on-plateau lowers the rate only when the monitored loss stops improving, which a plan cannot know: it is drawn flat.");
        }
    });

    public static string Text(ScheduleComparison comparison) =>
        Plan(comparison) + Environment.NewLine + string.Join(Environment.NewLine, comparison.Schedules.Select(s =>
            $"  {s.Label}: η {HtmlParts.Number(s.LearningRates[0])} → peak {HtmlParts.Number(s.LearningRates.Max())} → {HtmlParts.Number(s.LearningRates[^1])}"
            + (s.Momentums is { } m ? $"; momentum {HtmlParts.Number(m[0])} → {HtmlParts.Number(m.Min())} → {HtmlParts.Number(m[^1])}" : string.Empty)));

    internal static LineChart Chart(ScheduleComparison comparison)
    {
        var steps = comparison.StepsPerEpoch;
        var x = new double[comparison.Schedules[0].LearningRates.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (i + 1.0) / steps; // step i ends at this fraction of the epochs, as in the single-schedule preview
        }

        var all = comparison.Schedules.SelectMany(s => s.LearningRates).ToArray();
        var log = HtmlParts.UseLogScale(all);
        var series = comparison.Schedules.Select((s, i) => new LineSeries(s.Label, x, s.LearningRates) { Color = ChartPalette.Category(i) }).ToList();
        var momentum = comparison.Schedules
            .Select((s, i) => (s, i))
            .Where(p => p.s.Momentums is not null)
            .Select(p => new LineSeries(p.s.Label + " — momentum", x, p.s.Momentums!) { Color = ChartPalette.Category(p.i), Dashed = true })
            .ToList();
        return new LineChart
        {
            Title = "Planned learning rate",
            XLabel = "epoch",
            YLabel = log ? "learning rate (log)" : "learning rate",
            LogY = log,
            Series = series,
            LowerPanel = momentum.Count == 0 ? null : new LineChartPanel { Series = momentum, YLabel = "momentum", Height = 90 },
            Width = 660, // inside the view card (max-width 680px)
            Height = momentum.Count == 0 ? 380 : 480,
        };
    }

    private static string Plan(ScheduleComparison comparison) => string.Create(CultureInfo.InvariantCulture,
        $"{comparison.Epochs} epochs × {comparison.StepsPerEpoch} steps = {(long)comparison.Epochs * comparison.StepsPerEpoch} steps, η₀ = {HtmlParts.Number(comparison.BaseLearningRate)}");
}
