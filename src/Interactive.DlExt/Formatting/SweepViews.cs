using System.Globalization;
using System.Text;
using Interactive.DlExt.Charts;
using Interactive.DlExt.Formatting;
using Interactive.DlExt.Search;

namespace Interactive.DlExt;

/// <summary>
/// Renders a <see cref="SweepResult"/>: a live table for progress snapshots, and the final report with the
/// optimisation history, the validation curves of every trial (pruned ones grey and dashed), the objective's
/// empirical distribution, a timeline of the trials, the coarse-to-fine rounds' boxes, parallel
/// coordinates, one scatter per parameter (log x for log ranges), a heatmap for two-parameter grids and the
/// parameter importance. HTML output uses inline styles and no scripts, escapes every user string, and is the
/// same for the same result (chart ids derive from their content).
/// </summary>
public static class SweepViews
{
    /// <summary>The full report as HTML: summary, trial table and every chart that applies.</summary>
    public static string Html(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = Begin(result, live: false);
        Charts(html, [
            ("history", OptimizationHistory(result)?.ToSvg()),
            ("curves", ValidationCurves(result)?.ToSvg()),
            ("distribution", ObjectiveDistribution(result)?.ToSvg()),
            ("timeline", TrialTimeline(result)?.ToSvg()),
            .. CoarseToFineRounds(result).Select(c => ("rounds", (string?)c.ToSvg())),
            ("parallel", ParallelCoordinates(result)?.ToSvg()),
            ("grid", GridHeatmap(result)?.ToSvg()),
            ("importance", ParameterImportance(result)?.ToSvg()),
            .. ParameterScatters(result).Select(s => ("scatter", (string?)s.ToSvg())),
        ]);
        AdviceView.Html(html, SweepAdvisor.For(result));
        if (result.IsFinished)
        {
            ManifestView.Html(html, result.ManifestFor());
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>A compact live view for progress snapshots: summary, trial table and the validation curves so far.</summary>
    public static string LiveHtml(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = Begin(result, live: true);
        Charts(html, [("curves", ValidationCurves(result)?.ToSvg())]);
        return html.Append("</div>").ToString();
    }

    /// <summary>A text/plain summary: counts, the best trial, the trials best first, importance and the test result.</summary>
    public static string PlainText(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine(SweepFormat.Summary(result)).AppendLine(SweepFormat.Best(result));
        if (SweepFormat.Test(result) is { } test)
        {
            text.AppendLine(test);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{"#",5}  {"state",-9}  {"value",10}  {"epochs",6}  {"time",8}  parameters");
        foreach (var t in result.Ranked())
        {
            text.Append(CultureInfo.InvariantCulture, $"{(t.IsBest ? "*" : string.Empty) + "#" + t.Number.ToString(CultureInfo.InvariantCulture),5}  ")
                .Append(CultureInfo.InvariantCulture, $"{SweepFormat.State(t.State),-9}  {SweepFormat.Number(t.Value),10}  {t.EpochsRun,6}  {SweepFormat.Duration(t.Duration),8}  ")
                .Append(t.Parameters.ToString());
            if (t.Message is { } message)
            {
                text.Append("  (").Append(message).Append(')');
            }

            text.AppendLine();
        }

        if (result.ParameterImportance.Values.Any(v => v > 0))
        {
            var interval = SweepCharts.ImportanceInterval(result);
            text.Append(CultureInfo.InvariantCulture, $"importance ({result.Count(TrialState.Completed)} completed trials; 80% range over half-samples): ")
                .AppendLine(string.Join(", ", result.ParameterImportance.Select(kv => string.Create(
                    CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0.00} [{interval[kv.Key].Low:0.00}–{interval[kv.Key].High:0.00}]"))));
        }

        AdviceView.Text(text, SweepAdvisor.For(result));
        return text.ToString();
    }

    /// <summary>The objective of each completed trial by trial number, with the best-so-far line; null before any trial ends.</summary>
    public static LineChart? OptimizationHistory(SweepResult result) => SweepCharts.History(Checked(result));

    /// <summary>Every trial's per-epoch validation curve overlaid (pruned grey and dashed, the best black); null before the first epoch.</summary>
    public static LineChart? ValidationCurves(SweepResult result) => SweepCharts.Curves(Checked(result));

    /// <summary>The empirical distribution of the completed trials' objective (one step line per coarse-to-fine round); null before any trial ends.</summary>
    public static LineChart? ObjectiveDistribution(SweepResult result) => SweepProgressCharts.Distribution(Checked(result));

    /// <summary>Every trial from its start to its end, coloured by state (how parallel trials overlapped); null while no time has passed.</summary>
    public static LineChart? TrialTimeline(SweepResult result) => SweepProgressCharts.Timeline(Checked(result));

    /// <summary>For coarse-to-fine: per numeric parameter, each round's box and trials; empty for other strategies.</summary>
    public static IReadOnlyList<LineChart> CoarseToFineRounds(SweepResult result) => SweepProgressCharts.Rounds(Checked(result));

    /// <summary>Parallel coordinates of the completed trials (log axes for log ranges, categorical axes for choices).</summary>
    public static ParallelCoordinates? ParallelCoordinates(SweepResult result) => SweepCharts.Parallel(Checked(result));

    /// <summary>One scatter of objective against each parameter (log x for log ranges; choices on a categorical axis of their values, numbers in numeric order).</summary>
    public static IReadOnlyList<ScatterChart> ParameterScatters(SweepResult result) => SweepCharts.Scatters(Checked(result));

    /// <summary>The objective over a two-parameter grid search; null for other strategies or spaces.</summary>
    public static Heatmap? GridHeatmap(SweepResult result) => SweepCharts.Grid(Checked(result));

    /// <summary>The parameter importance as bars; null while it is all zero (fewer than three completed trials).</summary>
    public static BarChart? ParameterImportance(SweepResult result) => SweepCharts.Importance(Checked(result));

    private static SweepResult Checked(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result;
    }

    private static StringBuilder Begin(SweepResult result, bool live)
    {
        var html = new StringBuilder(16384);
        // The same white card and bold title as the other views, wide enough for two charts side by side.
        html.Append("<div").Attribute("class", live ? "dlext-sweep dlext-sweep-live" : "dlext-sweep").Attribute("style", HtmlParts.WideWrapperStyle).Append('>');
        HtmlParts.Title(html, HtmlParts.Encode(SweepFormat.Heading(result) + (live ? " (running)" : string.Empty)));
        html.Append("<div class=\"sweep-summary\" style=\"margin:2px 0;color:#555\">").Text(SweepFormat.Summary(result)).Append("</div>");
        html.Append("<div class=\"sweep-best\" style=\"margin:2px 0;font-weight:600\">").Text(SweepFormat.Best(result)).Append("</div>");
        if (SweepFormat.Test(result) is { } test)
        {
            html.Append("<div class=\"sweep-test\" style=\"margin:2px 0\">").Text(test).Append("</div>");
        }

        if (result.ProgressError is { } error)
        {
            html.Append("<div class=\"sweep-warning\" style=\"margin:2px 0;color:#D55E00\">").Text("live view error (ignored): " + error).Append("</div>");
        }

        SweepTrialTable.Write(html, result);
        return html;
    }

    private static void Charts(StringBuilder html, IEnumerable<(string Kind, string? Svg)> charts)
    {
        html.Append("<div class=\"sweep-charts\" style=\"display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start\">");
        foreach (var (kind, svg) in charts)
        {
            if (svg is not null)
            {
                // The timeline is drawn against wall-clock seconds: marked so output checks leave it out.
                html.Append(kind == "timeline" ? "<div class=\"sweep-chart " + HtmlParts.ClockClass + "\"" : "<div class=\"sweep-chart\"")
                    .Attribute("data-chart", kind).Append('>').Append(svg).Append("</div>");
            }
        }

        html.Append("</div>");
    }
}
