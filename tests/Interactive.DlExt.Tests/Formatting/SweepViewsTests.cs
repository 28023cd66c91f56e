using Interactive.DlExt.Formatting;
using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class SweepViewsTests
{
    private static readonly Lazy<SweepResult> Mixed = new(() => SweepFixtures.Mixed());

    [Fact]
    public void The_table_has_one_row_per_trial_sorted_by_objective_with_the_best_highlighted()
    {
        var result = Mixed.Value;
        var document = SweepFixtures.Parse(SweepViews.Html(result));
        var rows = document.QuerySelectorAll("table.sweep-trials tbody tr.trial-row");

        Assert.Equal(9, rows.Length);
        Assert.Equal(result.Ranked().Select(t => t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-trial")));
        var best = Assert.Single(document.QuerySelectorAll("tr[data-best='true']"));
        Assert.Same(rows[0], best);
        Assert.Contains("background:#fff3c4", best.GetAttribute("style"), StringComparison.Ordinal);
        var headers = document.QuerySelectorAll("table.sweep-trials th").Select(h => h.TextContent).ToArray();
        Assert.Equal(["#", "chosen by", "state", "lr", "hidden", "validation loss", "best epoch", "epochs", "time"], headers);
    }

    [Fact]
    public void Pruned_and_failed_trials_are_visible_with_their_state_colour_and_message()
    {
        var result = Mixed.Value;
        Assert.True(result.Count(TrialState.Pruned) > 0, result.ToString());
        Assert.True(result.Count(TrialState.Failed) > 0, result.ToString());
        var document = SweepFixtures.Parse(SweepViews.Html(result));

        var pruned = document.QuerySelectorAll("tr[data-state='pruned']");
        Assert.Equal(result.Count(TrialState.Pruned), pruned.Length);
        Assert.All(pruned, r => Assert.Contains("background:#888888", r.QuerySelector(".trial-state")!.GetAttribute("style"), StringComparison.Ordinal));
        var failed = document.QuerySelectorAll("tr[data-state='failed']");
        Assert.Equal(result.Count(TrialState.Failed), failed.Length);
        Assert.All(failed, r => Assert.Equal("InvalidOperationException: no <b>small</b> models", r.QuerySelector(".trial-message")!.TextContent));
        Assert.Empty(document.QuerySelectorAll("b"));
    }

    [Fact]
    public void The_trial_running_when_the_sweep_was_cancelled_says_cancelled_with_its_epochs_and_curve()
    {
        var result = SweepFixtures.Cancelled();
        var document = SweepFixtures.Parse(SweepViews.Html(result));

        var row = Assert.Single(document.QuerySelectorAll("tr[data-state='cancelled']"));
        Assert.Equal("1", row.GetAttribute("data-trial"));
        Assert.Equal("cancelled", row.QuerySelector(".trial-state")!.TextContent);
        Assert.StartsWith("cancelled during epoch 3", row.QuerySelector(".trial-message")!.TextContent, StringComparison.Ordinal);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent).ToArray();
        Assert.Equal("2", cells[^2]); // epochs
        Assert.Equal("2", cells[^3]); // the best epoch of its two
        Assert.Empty(document.QuerySelectorAll("tr[data-state='waiting']"));
        var curves = document.QuerySelectorAll(".sweep-chart[data-chart='curves'] svg path.series");
        Assert.Equal(2, curves.Length); // the completed trial's and the cancelled one's, dashed
        Assert.Single(curves, p => p.GetAttribute("stroke-dasharray") is not null);
        Assert.Contains(SweepViews.PlainText(result).Split('\n'), l => l.Contains("#1  cancelled", StringComparison.Ordinal) && l.Contains("      2  ", StringComparison.Ordinal));
        Assert.Contains("1 cancelled", SweepFormat.Summary(result), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_holds_every_chart_that_applies()
    {
        var result = Mixed.Value;
        var document = SweepFixtures.Parse(SweepViews.Html(result));
        var kinds = document.QuerySelectorAll(".sweep-chart").Select(c => c.GetAttribute("data-chart") ?? "(none)").ToArray();

        Assert.Equal(["history", "curves", "distribution", "parallel", "importance", "scatter", "scatter"], kinds);
        Assert.All(document.QuerySelectorAll(".sweep-chart"), c => Assert.Equal("svg", Assert.Single(c.Children).LocalName));
        var scatterTitles = document.QuerySelectorAll(".sweep-chart[data-chart='scatter'] svg > title").Select(t => t.TextContent);
        Assert.Equal(["lr", "hidden"], scatterTitles);
        Assert.Empty(document.QuerySelectorAll("script"));
    }

    [Fact]
    public void Pruned_curves_are_grey_and_dashed_and_completed_ones_are_solid()
    {
        var result = Mixed.Value;
        var curves = SweepFixtures.Parse(SweepViews.Html(result)).QuerySelector(".sweep-chart[data-chart='curves'] svg")!;
        var paths = curves.QuerySelectorAll("path.series");

        Assert.Equal(result.Trials.Count(t => t.Curve.Count > 0), paths.Length);
        var grey = paths.Where(p => p.GetAttribute("stroke") == "#9a9a9a").ToArray();
        Assert.Equal(result.Count(TrialState.Pruned), grey.Length);
        Assert.All(grey, p => Assert.NotNull(p.GetAttribute("stroke-dasharray")));
        var solid = paths.Where(p => p.GetAttribute("stroke-dasharray") is null).ToArray();
        Assert.Equal(result.Count(TrialState.Completed), solid.Length);
        Assert.Single(paths, p => p.GetAttribute("stroke") == "#000000"); // the best trial
    }

    [Fact]
    public void A_two_parameter_grid_gets_a_heatmap_of_its_cells()
    {
        var result = SweepFixtures.Grid();
        var document = SweepFixtures.Parse(SweepViews.Html(result));
        Assert.Single(document.QuerySelectorAll(".sweep-chart[data-chart='grid']"));
        var heatmap = SweepViews.GridHeatmap(result)!;
        Assert.Equal(2, heatmap.Values.GetLength(0));
        Assert.Equal(3, heatmap.Values.GetLength(1));
        Assert.Equal(result.Trials[4].Value, heatmap.Values[1, 1]); // lr = 0.1 (row 1), hidden = 16 (column 1)
        Assert.Null(SweepViews.GridHeatmap(Mixed.Value));
    }

    [Fact]
    public void Parallel_coordinates_and_scatters_use_log_axes_for_log_ranges()
    {
        var result = Mixed.Value;
        var parallel = SweepViews.ParallelCoordinates(result)!;
        Assert.Equal(Interactive.DlExt.Charts.ParallelAxisKind.Log, parallel.Axes[0].Kind);
        Assert.Equal(Interactive.DlExt.Charts.ParallelAxisKind.Categorical, parallel.Axes[1].Kind);
        Assert.Equal(result.Count(TrialState.Completed), parallel.Objective.Count);
        var scatters = SweepViews.ParameterScatters(result);
        Assert.True(scatters[0].LogX);
        Assert.False(scatters[1].LogX);
        Assert.NotNull(scatters[1].Categories);
    }

    [Fact]
    public void The_optimisation_history_draws_each_trial_as_a_point_and_the_best_so_far_as_a_line()
    {
        var result = Mixed.Value;
        var history = SweepViews.OptimizationHistory(result)!;
        var best = history.Series.Single(s => s.Name == "best so far");
        Assert.Equal(result.Best!.Value, best.Y[^1]);
        Assert.True(best.Y.Zip(best.Y.Skip(1)).All(p => p.Second <= p.First));
        Assert.True(history.Series.Single(s => s.Name == "completed trial").PointsOnly);
        var svg = SweepFixtures.Parse(history.ToSvg());
        Assert.Single(svg.QuerySelectorAll("path.series")); // only the best-so-far line is a path
    }

    [Fact]
    public void The_live_view_shows_running_trials()
    {
        var live = new List<string>();
        SweepFixtures.Mixed(s => live.Add(SweepViews.LiveHtml(s)));
        var running = live.Select(SweepFixtures.Parse).Where(d => d.QuerySelector("tr[data-state='running']") is not null).ToArray();
        Assert.NotEmpty(running);
        Assert.All(running, d => Assert.Contains("background:#0072B2", d.QuerySelector("tr[data-state='running'] .trial-state")!.GetAttribute("style"), StringComparison.Ordinal));
        Assert.All(live.Select(SweepFixtures.Parse), d => Assert.NotNull(d.QuerySelector(".dlext-sweep-live table.sweep-trials")));
    }

    [Fact]
    public void Rendering_is_deterministic_across_runs_of_the_same_seeded_sweep()
    {
        var again = SweepFixtures.Mixed();
        Assert.Equal(SweepViews.Html(Mixed.Value), SweepViews.Html(again));
        Assert.Equal(SweepViews.PlainText(Mixed.Value), SweepViews.PlainText(again));
        Assert.Equal(SweepViews.LiveHtml(Mixed.Value), SweepViews.LiveHtml(again));
    }

    [Fact]
    public void The_plain_text_summary_lists_the_best_trial_first_with_counts()
    {
        var result = Mixed.Value;
        var lines = SweepViews.PlainText(result).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sweep: random search, validation loss (lower is better), 9 of 9 trials", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"best: trial #{result.Best!.Number}", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"*#{result.Best.Number}", lines[3].Trim(), StringComparison.Ordinal);
        Assert.Equal(9, lines.Count(l => l.TrimStart().StartsWith('#') || l.TrimStart().StartsWith("*#", StringComparison.Ordinal)) - 1); // minus the header
    }

    [Fact]
    public void The_sweep_is_a_white_card_with_a_heading_like_the_other_views()
    {
        var result = Mixed.Value;
        var document = SweepFixtures.Parse(SweepViews.Html(result));

        var card = document.QuerySelector("div.dlext-sweep")!;
        Assert.Contains("background:#fff", card.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("border:1px solid #e2e2e2", card.GetAttribute("style"), StringComparison.Ordinal);
        var heading = card.FirstElementChild!;
        Assert.Equal("Sweep: random search of validation loss", heading.TextContent);
        Assert.Contains("font-weight:600", heading.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parameter_importance_says_how_many_trials_it_rests_on_and_how_far_it_moves()
    {
        var result = Mixed.Value;
        var chart = Svg.Parse(SweepViews.ParameterImportance(result)!.ToSvg());
        var interval = SweepCharts.ImportanceInterval(result);

        Assert.Equal("Parameter importance (3 completed trials)", chart.QuerySelector(".chart-title")!.TextContent);
        Assert.Equal(2, chart.QuerySelectorAll(".bar-intervals path").Length);
        Assert.Equal("share of variance; whiskers 0–1: under 6 trials, too few to tell", Svg.Texts(chart, ".axis-label")[0]);
        Assert.All(interval.Values, i => Assert.Equal(new ImportanceInterval(0, 1), i)); // three trials are too few to tell
        var line = Assert.Single(SweepViews.PlainText(result).Split('\n'), l => l.StartsWith("importance", StringComparison.Ordinal));
        Assert.StartsWith("importance (3 completed trials; 80% range over half-samples): lr ", line, StringComparison.Ordinal);
        Assert.Contains("[0.00–1.00]", line, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{interval["lr"].Low:0.00}–{interval["lr"].High:0.00}]"), line, StringComparison.Ordinal);
    }
}
