using System.Text;
using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class ContourChartTests
{
    [Fact]
    public void One_filled_band_per_level_and_a_legend_band_each()
    {
        var root = Svg.Parse(ChartSamples.Rosenbrock().ToSvg());

        Assert.Equal(10, root.QuerySelectorAll(".contour .contour-band").Length);
        Assert.Equal(10, root.QuerySelectorAll(".level-scale rect").Length);
        Assert.Equal("f", root.QuerySelector(".level-scale .color-title")!.TextContent);
    }

    [Fact]
    public void Trajectories_have_a_line_a_dot_per_step_and_start_and_end_markers_inside_the_clip()
    {
        var root = Svg.Parse(ChartSamples.Rosenbrock().ToSvg());

        var trajectories = root.QuerySelectorAll(".trajectory");
        Assert.Equal(2, trajectories.Length);
        Assert.Equal(40, trajectories[0].QuerySelectorAll(".steps circle").Length);
        Assert.Equal("gradient descent, step 0: (-1.5, 2)", trajectories[0].QuerySelector(".steps circle title")!.TextContent);
        Assert.NotNull(trajectories[1].QuerySelector("rect.start"));
        Assert.NotNull(trajectories[1].QuerySelector("circle.end"));
        Assert.Equal(["gradient descent", "momentum 0.8"], Svg.Texts(root, ".legend-item text"));
        Assert.Equal("url(#rosenbrock-plot)", trajectories[0].ParentElement!.GetAttribute("clip-path"));
        Assert.NotNull(root.QuerySelector("clipPath#rosenbrock-plot"));
    }

    [Fact]
    public void An_end_beyond_the_plot_is_drawn_on_its_edge_and_a_bad_end_as_a_cross_with_its_note()
    {
        var chart = ChartSamples.Rosenbrock() with
        {
            Paths =
            [
                new ContourPath("left the picture", [0, 0.5, 9], [1, 1, 1]),
                new ContourPath("blew up", [0, -0.5, -40], [1, 2, 80]) { EndNote = "diverged at step 2" },
            ],
            Markers = [new PointMarker(1, 1, "minimum f = 0 at (1, 1)")],
        };

        var root = Svg.Parse(chart.ToSvg());

        var plot = root.QuerySelector("clipPath rect")!;
        double left = Number(plot, "x"), right = left + Number(plot, "width"), top = Number(plot, "y"), bottom = top + Number(plot, "height");
        var ring = root.QuerySelectorAll(".trajectory")[0].QuerySelector("circle.end")!;
        Assert.InRange(Number(ring, "cx"), right - 10, right);
        Assert.Null(root.QuerySelectorAll(".trajectory")[1].QuerySelector("circle.end"));
        var cross = root.QuerySelectorAll(".trajectory")[1].QuerySelector(".end-bad")!;
        Assert.Equal("blew up: diverged at step 2", cross.QuerySelector("title")!.TextContent);
        // The cross of a run that went up and left sits in the plot's top-left corner: its first stroke starts there.
        var start = System.Text.RegularExpressions.Regex.Match(cross.QuerySelector("path")!.GetAttribute("d")!, @"^M\s*([-\d.]+)[ ,]([-\d.]+)");
        Assert.Equal(left, double.Parse(start.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0.6);
        Assert.Equal(top, double.Parse(start.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 0.6);
        Assert.InRange(Number(ring, "cy"), top, bottom);
        Assert.Equal("minimum f = 0 at (1, 1)", root.QuerySelector(".marker title")!.TextContent);
    }

    private static double Number(AngleSharp.Dom.IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Marching_squares_cuts_a_single_inside_corner_as_a_triangle_through_the_interpolated_crossings()
    {
        var builder = new StringBuilder();
        // Only the top-left sample (1.0) is above 0.5; both crossings sit halfway along the edges.
        var wrote = MarchingSquares.FillAbove(new PathBuilder(builder), new double[,] { { 1, 0 }, { 0, 0 } }, [0, 10], [0, 10], 0.5);

        Assert.True(wrote);
        Assert.Equal("M0 0l5 0-5 5Z", builder.ToString()); // (0,0) → (5,0) → (0,5)
    }

    [Fact]
    public void Marching_squares_merges_a_run_of_full_cells_into_one_rectangle()
    {
        var builder = new StringBuilder();
        MarchingSquares.FillAbove(new PathBuilder(builder), new double[,] { { 1, 1, 1 }, { 1, 1, 1 } }, [0, 10, 20], [0, 10], 0.5);

        Assert.Equal("M0 0l20 0 0 10-20 0Z", builder.ToString());
    }

    [Fact]
    public void Separated_saddle_gives_two_triangles_and_connected_saddle_one_hexagon()
    {
        var separated = new StringBuilder();
        var connected = new StringBuilder();
        MarchingSquares.FillAbove(new PathBuilder(separated), new double[,] { { 1, 0 }, { 0, 1 } }, [0, 10], [0, 10], 0.6);
        MarchingSquares.FillAbove(new PathBuilder(connected), new double[,] { { 1, 0 }, { 0, 1 } }, [0, 10], [0, 10], 0.4);

        Assert.Equal(2, separated.ToString().Count(c => c == 'Z'));
        Assert.Equal(1, connected.ToString().Count(c => c == 'Z'));
    }

    [Fact]
    public void From_function_samples_rows_as_y_and_columns_as_x()
    {
        var chart = ContourChart.FromFunction((x, y) => x + (10 * y), 0, 1, 0, 2, 3);

        Assert.Equal([0, 0.5, 1], chart.X);
        Assert.Equal([0, 1, 2], chart.Y);
        Assert.Equal(1 + (10 * 2), chart.Values[2, 2]);
        Assert.Equal(0.5 + (10 * 1), chart.Values[1, 1]);
    }

    [Fact]
    public void Level_count_out_of_range_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => (ChartSamples.Rosenbrock() with { Levels = 1 }).ToSvg());

        Assert.Contains("Levels = 1", error.Message, StringComparison.Ordinal);
    }
}
