using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class ApprovalTests
{
    [Fact]
    public void Line_chart_with_learning_rate_panel_matches_the_approved_file() =>
        Approvals.Verify(ChartSamples.TrainingRun().ToSvg(), "line-with-lr-panel");

    [Fact]
    public void Log_scatter_matches_the_approved_file() =>
        Approvals.Verify(ChartSamples.LearningRateSweep().ToSvg(), "scatter-log");

    [Fact]
    public void Confusion_matrix_heatmap_matches_the_approved_file() =>
        Approvals.Verify(ChartSamples.ConfusionMatrix().ToSvg(), "heatmap-confusion");

    [Fact]
    public void Parallel_coordinates_match_the_approved_file() =>
        Approvals.Verify(ChartSamples.Trials().ToSvg(), "parallel-coordinates");

    [Fact]
    public void Contour_with_trajectories_matches_the_approved_file() =>
        Approvals.Verify(ChartSamples.Rosenbrock().ToSvg(), "contour-rosenbrock");

    [Fact]
    public void Bar_chart_matches_the_approved_file() =>
        Approvals.Verify(ChartSamples.Importance().ToSvg(), "bar-importance");
}
