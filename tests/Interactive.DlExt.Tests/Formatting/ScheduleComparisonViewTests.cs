using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class ScheduleComparisonViewTests
{
    // Every decay the course describes, on one chart.
    private static readonly string[] CourseSchedules =
    [
        "step:size=5,gamma=0.5", "step:size=8,gamma=0.1", "exponential:gamma=0.9", "linear", "cosine", "cosine:warmup=100",
        "onecycle:maxmom=0.95,minmom=0.85",
    ];

    [Fact]
    public void A_comparison_draws_one_series_per_schedule_with_a_legend_entry_naming_it()
    {
        var comparison = SchedulePreview.Compare(20, 50, 0.1, CourseSchedules);

        var root = HtmlDom.ParseView(Html.Render(comparison));

        Assert.Equal("dlext-schedules", root.ClassName);
        Assert.Contains("20 epochs × 50 steps = 1000 steps, η₀ = 0.1", root.TextContent, StringComparison.Ordinal);
        var svg = root.QuerySelector("svg")!;
        Assert.Equal(
            ["step: ×0.5 every 5 epochs", "step: ×0.1 every 8 epochs", "exponential γ=0.9", "linear", "cosine", "warm-up 2 epochs + cosine",
             "one-cycle (momentum 0.95→0.85)", "one-cycle (momentum 0.95→0.85) — momentum"],
            Svg.Texts(svg, ".legend-item text"));
        Assert.Equal(8, svg.QuerySelectorAll("path.series").Length); // seven rates and the one-cycle momentum in the lower panel
        Assert.Equal(7, HtmlDom.DataRows(root.QuerySelector("table")!).Count);
    }

    [Fact]
    public void The_formula_column_wraps_but_the_rates_never_break_inside_a_number()
    {
        var root = HtmlDom.ParseView(Html.Render(SchedulePreview.Compare(20, 39, 1, "cosine")));

        var cells = root.QuerySelector("table tbody tr")!.QuerySelectorAll("td");
        Assert.Equal("4.056e-6", cells[^1].TextContent);
        Assert.DoesNotContain("nowrap", cells[1].GetAttribute("style"), StringComparison.Ordinal); // the formula
        Assert.All(cells.Skip(2), c => Assert.Contains("white-space:nowrap", c.GetAttribute("style"), StringComparison.Ordinal));
    }

    [Fact]
    public void The_x_axis_counts_epochs_and_the_momentum_panel_appears_only_when_a_schedule_cycles_it()
    {
        var chart = Interactive.DlExt.Formatting.ScheduleComparisonView.Chart(SchedulePreview.Compare(20, 50, 0.1, "step:size=5,gamma=0.5", "cosine"));

        Assert.Equal("epoch", chart.XLabel);
        Assert.Equal(20, chart.Series[0].X[^1], 12);
        Assert.Null(chart.LowerPanel);
    }

    [Fact]
    public void Decays_by_more_than_ten_times_use_a_log_axis_but_annealing_to_zero_does_not()
    {
        Assert.True(Interactive.DlExt.Formatting.ScheduleComparisonView.Chart(SchedulePreview.Compare(20, 50, 0.1, "step:size=5,gamma=0.1")).LogY);
        Assert.False(Interactive.DlExt.Formatting.ScheduleComparisonView.Chart(SchedulePreview.Compare(20, 50, 0.1, "step:size=5,gamma=0.1", "onecycle")).LogY);
    }

    [Fact]
    public void The_text_summary_lists_each_schedule_with_its_first_peak_and_last_rate()
    {
        var text = Html.RenderText(SchedulePreview.Compare(20, 50, 0.1, "step:size=5,gamma=0.5", "onecycle:maxmom=0.95,minmom=0.85"));

        Assert.Contains("step: ×0.5 every 5 epochs: η 0.1 → peak 0.1 → 0.0125", text, StringComparison.Ordinal);
        Assert.Contains("one-cycle (momentum 0.95→0.85): η 0.004 → peak 0.1", text, StringComparison.Ordinal);
        Assert.Contains("momentum 0.95 → 0.85 → 0.95", text, StringComparison.Ordinal);
    }
}
