using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class DescentViewTests
{
    // The course's pictures: step 0.1 and 0.19 settle on the κ = 10 valley, 0.21 (beyond 2/κ) diverges.
    private static DescentResult Steps() => DescentLab.Run(Surfaces.Elongated(), DescentSetting.Grid(["sgd"], [0.1, 0.19, 0.21], []));

    [Fact]
    public void The_view_draws_each_run_on_the_contour_with_its_label_and_a_cross_where_it_diverged()
    {
        var result = Steps();

        var root = HtmlDom.ParseView(Html.Render(result));

        Assert.Equal("dlext-descent", root.ClassName);
        Assert.Empty(root.QuerySelectorAll("script"));
        var contour = root.QuerySelectorAll("svg")[0];
        Assert.Equal(3, contour.QuerySelectorAll(".trajectory").Length);
        Assert.Equal(["η = 0.1", "η = 0.19", $"η = 0.21 (diverged, step {result.Runs[2].Steps})"], Svg.Texts(contour, ".legend-item text"));
        Assert.Single(contour.QuerySelectorAll(".end-bad"));
        Assert.Equal("minimum f = 0 at (0, 0)", contour.QuerySelector(".marker title")!.TextContent);
        Assert.Equal("f(x, y)", contour.QuerySelector(".level-scale .color-title")!.TextContent);
        Assert.Contains("Descent on bowl (condition 10)", root.TextContent, StringComparison.Ordinal);
        Assert.Contains("f(x, y) = ½(x² + 10·y²)", root.TextContent, StringComparison.Ordinal);
        Assert.Contains("sgd · 100 steps from (-2.5, 2) · arrived when f − f* ≤ 0.001", root.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_gives_steps_to_the_tolerance_final_losses_and_how_each_run_ended_with_the_fastest_highlighted()
    {
        var result = Steps();

        var root = HtmlDom.ParseView(Html.Render(result));

        var rows = root.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["η = 0.1", result.Runs[0].StepsToTolerance!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)], rows[0].Take(2));
        Assert.Equal("not reached", rows[2][1]);
        Assert.StartsWith("diverged at step", rows[2][4], StringComparison.Ordinal);
        Assert.Equal("took all 100 steps", rows[1][4]);
        Assert.Equal("η = 0.1", root.QuerySelector("tr.dlext-best td")!.TextContent);
        Assert.Contains("sgd: θ ← θ − η(g + λθ)", root.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_loss_chart_plots_the_gap_to_the_minimum_on_a_log_axis_with_the_tolerance_dashed()
    {
        var root = HtmlDom.ParseView(Html.Render(Steps()));

        var loss = root.QuerySelectorAll("svg")[1];
        Assert.Contains("Distance to the minimum against step", Svg.Texts(loss, "text"));
        Assert.Contains("tolerance f − f* ≤ 0.001", Svg.Texts(loss, ".legend-item text"));
        Assert.Contains("1e-2", Svg.Texts(loss, "text"));
    }

    [Fact]
    public void Without_a_known_minimum_the_loss_itself_is_plotted_and_arrival_is_a_small_gradient()
    {
        var result = DescentLab.Run(new Saddle(), DescentSetting.Grid(["sgd", "adam"], [0.1], []));

        var text = Html.RenderText(result);
        var root = HtmlDom.ParseView(Html.Render(result));

        Assert.StartsWith("Descent on saddle: f(x, y) = x² − y²\nη = 0.1 · 100 steps from (-1.8, 0.05) · arrived when ‖∇f‖ ≤ 0.001", text, StringComparison.Ordinal);
        Assert.Contains("  sgd: ‖∇f‖ ≤ 0.001 not reached; final loss", text, StringComparison.Ordinal);
        Assert.Contains("escaped at step", text, StringComparison.Ordinal);
        Assert.Contains("f(x, y)", Svg.Texts(root.QuerySelectorAll("svg")[1], "text"));
        Assert.Contains("sgd (escaped, step", string.Join("|", Svg.Texts(root.QuerySelectorAll("svg")[0], ".legend-item text")), StringComparison.Ordinal);
    }
}
