using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class OptimizerAndScheduleViewTests
{
    [Fact]
    public void An_optimizer_shows_its_formula_and_hyperparameters()
    {
        var adam = new Adam(0.003, beta1: 0.8);

        var root = HtmlDom.ParseView(Html.Render(adam));

        Assert.Equal("dlext-optimizer", root.ClassName);
        Assert.Contains(adam.Formula, root.TextContent, StringComparison.Ordinal);
        var rows = HtmlDom.DataRows(root.QuerySelector("table")!).ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
        Assert.Equal("0.003", rows["LearningRate (η)"]);
        Assert.Equal("0.8", rows["Beta1"]);
        Assert.Equal("1e-8", rows["Epsilon"]);
        Assert.StartsWith("adam: ", Html.RenderText(adam), StringComparison.Ordinal);
    }

    [Fact]
    public void AdamW_shows_the_hyperparameters_it_shares_with_Adam()
    {
        var adamw = new AdamW(0.003, weightDecay: 0.05);

        var root = HtmlDom.ParseView(Html.Render(adamw));

        var rows = HtmlDom.DataRows(root.QuerySelector("table")!).ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
        Assert.Equal("0.9", rows["Beta1"]);
        Assert.Equal("0.05", rows["WeightDecay"]);
        Assert.Equal("yes", rows["DecoupledWeightDecay"]);
        Assert.StartsWith("adamw: ", Html.RenderText(adamw), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_previews_its_planned_rate_relative_to_the_base_rate()
    {
        var schedule = new StepDecay(10, 0.5);

        var root = HtmlDom.ParseView(Html.Render(schedule));

        Assert.Equal("dlext-schedule", root.ClassName);
        Assert.Contains(schedule.Formula, root.TextContent, StringComparison.Ordinal);
        Assert.Contains("30 epochs × 100 steps", root.TextContent, StringComparison.Ordinal);
        var svg = root.QuerySelector("svg")!;
        Assert.Single(svg.QuerySelectorAll("path.series"));
        Assert.Contains("last 0.25", svg.QuerySelector("path.series title")!.TextContent, StringComparison.Ordinal); // η₀ · 0.5^⌊29/10⌋
    }

    [Theory]
    [InlineData(new[] { 1.0, 0.5, 0.25 }, false)]        // less than 10×: linear
    [InlineData(new[] { 1.0, 0.1, 0.01 }, true)]         // step decay by 10×: log
    [InlineData(new[] { 1.0, 0.5, 1e-7 }, false)]        // annealed towards zero: linear shows the shape
    [InlineData(new[] { 1.0, 0.0 }, false)]              // zero cannot go on a log axis
    public void Rates_use_a_log_axis_only_for_decays_between_10_and_10000_times(double[] rates, bool log) =>
        Assert.Equal(log, Interactive.DlExt.Formatting.HtmlParts.UseLogScale(rates));

    [Fact]
    public void A_one_cycle_that_cycles_momentum_shows_it_in_a_panel_below_the_rate()
    {
        var cycling = Interactive.DlExt.Formatting.ScheduleView.PreviewChart(new OneCycle(maxMomentum: 0.95, minMomentum: 0.85));
        var plain = Interactive.DlExt.Formatting.ScheduleView.PreviewChart(new OneCycle());

        Assert.Equal("momentum", cycling.LowerPanel!.YLabel);
        Assert.Equal(0.85, cycling.LowerPanel.Series[0].Y.Min(), 12);
        Assert.Null(plain.LowerPanel);
    }
}
