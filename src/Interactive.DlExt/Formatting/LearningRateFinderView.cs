using System.Globalization;
using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of a <see cref="LearningRateFinderResult"/>: the smoothed loss against the learning rate on a log axis,
/// a dashed line at the suggestion, a ring where the loss diverged, and the numbers in one line of facts.
/// </summary>
internal static class LearningRateFinderView
{
    public static string Html(LearningRateFinderResult result) => HtmlParts.Wrap("lrfind", html =>
    {
        HtmlParts.Title(html, "Learning-rate range test");
        HtmlParts.Facts(html, HtmlParts.Encode(Facts(result)));
        HtmlParts.Chart(html, Chart(result).ToSvg());
        HtmlParts.Caption(html,
            $"Suggested {Rate(result.SuggestedLearningRate)} by {result.SuggestionRule}; minimum / 10 = {Rate(result.MinimumOverTen)} "
            + $"(lowest smoothed loss at {Rate(result.MinimumLearningRate)}). {Capitalized(result.StopMessage)}. "
            + $"The loss is smoothed as fastai does (exponential average with β = {HtmlParts.Number(result.Smoothing)}, bias-corrected); the model's weights are as they were before the test.");
    });

    public static string Text(LearningRateFinderResult result) =>
        $"Learning-rate range test: {Facts(result)}\n"
        + $"suggested {Rate(result.SuggestedLearningRate)} ({result.SuggestionRule}); minimum / 10 = {Rate(result.MinimumOverTen)}\n"
        + result.StopMessage;

    internal static LineChart Chart(LearningRateFinderResult result)
    {
        var points = result.Points;
        var markers = new List<PointMarker>();
        if (result.DivergedAtStep is { } step && step < points.Count)
        {
            markers.Add(new PointMarker(points[step].LearningRate, points[step].SmoothedLoss, $"diverged at step {step + 1}"));
        }

        return new LineChart
        {
            Title = "Smoothed loss against the learning rate",
            XLabel = "learning rate η (log)",
            YLabel = "smoothed loss",
            LogX = true,
            Series = [new LineSeries("smoothed loss", [.. points.Select(p => p.LearningRate)], [.. points.Select(p => p.SmoothedLoss)])],
            VerticalMarkers = [new VerticalMarker(result.SuggestedLearningRate, $"suggested {Rate(result.SuggestedLearningRate)} ({result.SuggestionRule})")],
            PointMarkers = markers,
            Height = 320,
        };
    }

    // 0.00312 → "3.1e-3", 1.87 → "1.9": one digit after the point is all a range test can tell.
    internal static string Rate(double value)
    {
        var text = HtmlParts.Number(value, "0.#E+0");
        return text.EndsWith("e0", StringComparison.Ordinal) ? text[..^2] : text;
    }

    private static string Facts(LearningRateFinderResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{result.Optimizer} · η from {HtmlParts.Number(result.StartLearningRate)} to {HtmlParts.Number(result.EndLearningRate)} · {result.Points.Count} of {result.PlannedSteps} steps · batch {result.BatchSize}");

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
