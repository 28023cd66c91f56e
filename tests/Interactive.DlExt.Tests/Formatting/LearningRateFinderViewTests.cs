using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class LearningRateFinderViewTests
{
    // Linear regression with SGD: the smoothed loss falls, then diverges at step 93 of 100 (a measured case).
    private static LearningRateFinderResult Diverging() =>
        LearningRateFinder.Run(new Sequential(new Linear(1, 1)), Datasets.LinearRegression(), new LrFinderOptions { Optimizer = "sgd", Threads = 1 });

    [Fact]
    public void The_view_plots_the_smoothed_loss_on_a_log_learning_rate_axis_with_the_suggestion_and_the_divergence_marked()
    {
        var result = Diverging();

        var root = HtmlDom.ParseView(Html.Render(result));

        Assert.Equal("dlext-lrfind", root.ClassName);
        Assert.Empty(root.QuerySelectorAll("script"));
        var svg = root.QuerySelector("svg")!;
        Assert.Single(svg.QuerySelectorAll("path.series"));
        var ticks = svg.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Contains("1e-7", ticks);
        Assert.Contains("1e-1", ticks); // powers of ten: a log x axis
        Assert.Contains("suggested 9.5e-2 (steepest descent)", svg.QuerySelector("g.marker-vertical")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("diverged at step 93", svg.QuerySelector("g.marker-point")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("93 of 100 steps", root.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_summary_gives_the_suggestion_its_rule_and_the_minimum_over_ten()
    {
        var text = Html.RenderText(Diverging());

        Assert.StartsWith("Learning-rate range test: sgd · η from 1e-7 to 10 · 93 of 100 steps · batch 32", text, StringComparison.Ordinal);
        Assert.Contains("suggested 9.5e-2 (steepest descent); minimum / 10 = 1.9e-1", text, StringComparison.Ordinal);
        Assert.Contains("diverged at step 93", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_that_did_not_diverge_has_no_divergence_marker()
    {
        var result = LearningRateFinder.Run(new Sequential(new Linear(1, 1)), Datasets.LinearRegression(), new LrFinderOptions { Optimizer = "sgd", Threads = 1, EndLearningRate = 0.5 });

        var svg = HtmlDom.ParseView(Html.Render(result)).QuerySelector("svg")!;

        Assert.False(result.Diverged);
        Assert.Empty(svg.QuerySelectorAll("g.marker-point"));
        Assert.Single(svg.QuerySelectorAll("g.marker-vertical"));
    }

    [Fact]
    public void The_chart_of_a_diverging_test_matches_the_approved_file() =>
        Approvals.Verify(Interactive.DlExt.Formatting.LearningRateFinderView.Chart(Diverging()).ToSvg(), "lrfind-linear-regression");
}
