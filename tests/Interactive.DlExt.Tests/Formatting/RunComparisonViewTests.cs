using AngleSharp.Dom;
using Interactive.DlExt.Formatting;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class RunComparisonViewTests
{
    private static RunComparison BatchComparison(bool scale = false) => RunComparer.Train(
        () => FormattingSamples.SpiralModel(),
        Datasets.Spirals(40, classes: 3, seed: 5),
        new TrainingOptions
        {
            Epochs = 3, Optimizer = new Sgd(0.1), ValidationSplit = 0.25, Seed = 7, Threads = 1,
            TimeProvider = new SteppingTimeProvider(TimeSpan.FromMilliseconds(3)),
        },
        ComparisonPlan.Parse("--batch-size", "10,30") with { ScaleLearningRate = scale });

    [Fact]
    public void The_view_overlays_every_run_with_one_legend_entry_each_on_the_loss_and_accuracy_charts()
    {
        var root = HtmlDom.ParseView(Html.Render(BatchComparison()));

        Assert.Equal("dlext-compare", root.ClassName);
        Assert.Contains("Runs compared by batch", root.TextContent, StringComparison.Ordinal);
        var charts = root.QuerySelectorAll("svg").ToArray();
        Assert.Equal(4, charts.Length); // training loss, validation loss, validation accuracy, accuracy against wall time
        Assert.All(charts, svg => Assert.Equal(["batch 10", "batch 30"], Svg.Texts(svg, ".legend-item text")));
        Assert.All(charts, svg => Assert.Equal(2, svg.QuerySelectorAll("path.series").Length));
    }

    [Fact]
    public void Runs_of_different_batch_sizes_get_a_table_of_steps_time_throughput_and_accuracy()
    {
        var comparison = BatchComparison();
        var root = HtmlDom.ParseView(Html.Render(comparison));

        var batchTable = root.QuerySelectorAll("table")[1];
        var rows = HtmlDom.DataRows(batchTable).Select(Cells).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(["batch 10", "10", "9"], rows[0].Take(3)); // 90 training samples after the 25% split: 9 steps of 10
        Assert.Equal(["batch 30", "30", "3"], rows[1].Take(3));
        Assert.Equal(HtmlParts.Percent(comparison.Runs[0].BestValidationAccuracy!.Value), rows[0][5]);
        Assert.All(comparison.Runs, r => Assert.Equal(90 / r.TimePerEpoch.TotalSeconds, r.SamplesPerSecond, 9));
        Assert.Equal([HtmlParts.Duration(comparison.Runs[0].TimePerEpoch), HtmlParts.Number(comparison.Runs[0].SamplesPerSecond, "N0")], rows[0][3..5]);
    }

    [Fact]
    public void Scaled_learning_rates_are_named_in_the_labels_and_the_caption()
    {
        var root = HtmlDom.ParseView(Html.Render(BatchComparison(scale: true)));

        Assert.Equal(["batch 10, lr 0.1 (scaled)", "batch 30, lr 0.3 (scaled)"], Svg.Texts(root.QuerySelector("svg")!, ".legend-item text"));
        Assert.Contains("lr = base lr × batch / 10 (Goyal et al. 2017)", root.TextContent, StringComparison.Ordinal);
        Assert.Contains("Runs compared by batch (lr scaled linearly)", root.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_a_finished_epoch_renders_an_empty_curve_and_dashes_instead_of_numbers()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var empty = Trainer.Fit(FormattingSamples.SpiralModel(), Datasets.Spirals(40, classes: 3, seed: 5), new TrainingOptions { Epochs = 1, Threads = 1 }, cancelled.Token);
        var comparison = new RunComparison([FormattingSamples.History(epochs: 2), empty], names: ["done", "cut"]);

        var root = HtmlDom.ParseView(Html.Render(comparison));

        var cut = HtmlDom.DataRows(root.QuerySelector("table")!).Select(Cells).ToArray()[1];
        Assert.Equal(["0", "–", "–", "–"], cut[1..5]);
        var charts = root.QuerySelectorAll("svg").ToArray();
        Assert.Equal(3, charts.Length);
        Assert.All(charts, svg => Assert.Equal(2, Svg.Texts(svg, ".legend-item text").Count)); // the cut run keeps its legend entry and colour
    }

    [Fact]
    public void An_epoch_axis_ticks_whole_epochs_only_even_for_a_two_epoch_run()
    {
        var comparison = new RunComparison([FormattingSamples.History(epochs: 2), FormattingSamples.History(epochs: 2)], names: ["a", "b"]);

        var charts = RunComparisonView.Charts(comparison);

        Assert.All(charts, c => Assert.True(c.IntegerX));
        Assert.False(RunComparisonView.Charts(BatchComparison().WithAxis(ComparisonAxis.Seconds))[0].IntegerX);
    }

    [Fact]
    public void The_x_axis_title_follows_the_chosen_axis_and_the_points_sit_at_each_epochs_end()
    {
        var comparison = BatchComparison().WithAxis(ComparisonAxis.Steps);

        var chart = RunComparisonView.Charts(comparison)[0];

        Assert.Equal("optimizer steps", chart.XLabel);
        Assert.Equal([9.0, 18.0, 27.0], chart.Series[0].X);
        Assert.Equal([3.0, 6.0, 9.0], chart.Series[1].X);
        Assert.Equal(comparison.Runs[0].History.Epochs.Select(e => e.TrainLoss), chart.Series[0].Y);
    }

    [Fact]
    public void The_text_view_has_one_line_per_run_with_its_numbers()
    {
        var comparison = BatchComparison();

        var text = Html.RenderText(comparison);

        Assert.StartsWith("Runs compared by batch", text, StringComparison.Ordinal);
        Assert.Contains("  batch 10: 3 epochs, train loss " + HtmlParts.Number(comparison.Runs[0].History.LastEpoch!.TrainLoss), text, StringComparison.Ordinal);
        Assert.Contains("9 steps/epoch", text, StringComparison.Ordinal);
        Assert.Contains("3 steps/epoch", text, StringComparison.Ordinal);
    }

    private static string[] Cells(IElement row) => [.. row.QuerySelectorAll("td").Select(td => td.TextContent)];
}
