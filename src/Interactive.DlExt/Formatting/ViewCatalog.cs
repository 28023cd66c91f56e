
namespace Interactive.DlExt.Formatting;

/// <summary>
/// The one map from the supported types to their HTML view and text/plain summary, shared by the
/// notebook formatters, <see cref="Html.Render"/> and <see cref="HtmlReport"/>. Order matters: the first
/// entry whose type the value is assignable to wins.
/// </summary>
internal static class ViewCatalog
{
    public static IReadOnlyList<ViewEntry> Entries { get; } =
    [
        Entry<TrainingHistory>(TrainingHistoryView.Html, TrainingHistoryView.Text),
        Entry<Search.SweepResult>(r => r.IsFinished ? SweepViews.Html(r) : SweepViews.LiveHtml(r), SweepViews.PlainText),
        Entry<LearningRateFinderResult>(LearningRateFinderView.Html, LearningRateFinderView.Text),
        Entry<EvaluationResult>(EvaluationView.Html, EvaluationView.Text),
        Entry<ConfusionMatrix>(EvaluationView.Html, EvaluationView.Text),
        Entry<ModelSummary>(ModelView.Html, s => s.ToString()),
        Entry<Layer>(ModelView.Html, ModelView.Text),
        Entry<Optimizer>(OptimizerView.Html, OptimizerView.Text),
        Entry<LearningRateSchedule>(ScheduleView.Html, ScheduleView.Text),
        Entry<ScheduleComparison>(ScheduleComparisonView.Html, ScheduleComparisonView.Text),
        Entry<DescentResult>(DescentView.Html, DescentView.Text),
        Entry<RunManifest>(ManifestView.Html, ManifestView.Text),
        Entry<ExpectationReport>(ExpectationView.Html, ExpectationView.Text),
        Entry<ManifestComparison>(ManifestComparisonView.Html, ManifestComparisonView.Text),
        Entry<RunComparison>(RunComparisonView.Html, RunComparisonView.Text),
        Entry<Dataset>(DatasetView.Html, DatasetView.Text),
        Entry<IHtmlView>(v => v.ToHtml(), v => v.ToString() ?? string.Empty),
    ];

    public static ViewEntry? Find(Type type) => Entries.FirstOrDefault(e => e.Type.IsAssignableFrom(type));

    private static ViewEntry Entry<T>(Func<T, string> html, Func<T, string> text) =>
        new(typeof(T), value => html((T)value), value => text((T)value));
}

/// <summary>How one type renders.</summary>
/// <param name="Type">The type (values of derived types use it too).</param>
/// <param name="Html">The text/html view.</param>
/// <param name="Text">The text/plain summary.</param>
internal sealed record ViewEntry(Type Type, Func<object, string> Html, Func<object, string> Text);
