using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of a <see cref="LearningRateSchedule"/>: name, formula, hyperparameters and a chart of the
/// planned rate relative to the base rate (with a momentum panel when the schedule cycles momentum), for an
/// assumed run of 30 epochs of 100 steps.
/// </summary>
internal static class ScheduleView
{
    internal const int PreviewEpochs = 30;
    internal const int PreviewStepsPerEpoch = 100;

    public static string Html(LearningRateSchedule schedule) => HtmlParts.Wrap("schedule", html =>
    {
        HtmlParts.Title(html, "Learning-rate schedule " + HtmlParts.Encode(schedule.Name));
        HtmlParts.Formula(html, schedule.Formula);
        var parameters = Hyperparameters.Of(schedule);
        if (parameters.Count > 0)
        {
            HtmlParts.Facts(html, HtmlParts.Encode(string.Join(" · ", parameters.Select(p => $"{p.Name} = {p.Value}"))));
        }

        HtmlParts.Chart(html, PreviewChart(schedule).ToSvg());
        HtmlParts.Caption(html,
            $"Preview for an assumed run of {PreviewEpochs} epochs × {PreviewStepsPerEpoch} steps with η₀ = 1 (so the curve is η/η₀); "
            + "the real run uses its own epochs, batches and base rate" + (schedule is ReduceOnPlateau ? ", and plateau reductions depend on the monitored loss, which a preview cannot know." : "."));
    });

    public static string Text(LearningRateSchedule schedule)
    {
        var parameters = Hyperparameters.Of(schedule);
        return $"{schedule.Name}: {schedule.Formula}" + (parameters.Count == 0 ? string.Empty : $" ({string.Join(", ", parameters.Select(p => $"{p.Name} = {p.Value}"))})");
    }

    internal static LineChart PreviewChart(LearningRateSchedule schedule)
    {
        var rates = schedule.Preview(1.0, PreviewEpochs, PreviewStepsPerEpoch);
        var x = new double[rates.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (i + 1.0) / PreviewStepsPerEpoch;
        }

        var log = HtmlParts.UseLogScale(rates.ToArray());
        var momentum = SchedulePreview.Compare(PreviewEpochs, PreviewStepsPerEpoch, 1.0, schedule).Schedules[0].Momentums;
        return new LineChart
        {
            Title = "Planned learning rate",
            XLabel = "epoch",
            YLabel = log ? "η/η₀ (log)" : "η/η₀",
            LogY = log,
            Series = [new LineSeries("η/η₀", x, rates)],
            LowerPanel = momentum is null ? null : new LineChartPanel { Series = [new LineSeries("momentum", x, momentum) { Dashed = true }], YLabel = "momentum", Height = 80 },
            Height = momentum is null ? 240 : 330,
        };
    }
}
