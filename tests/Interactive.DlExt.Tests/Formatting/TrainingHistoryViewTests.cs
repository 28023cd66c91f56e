using System.Globalization;
using System.Text;
using Interactive.DlExt.Formatting;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class TrainingHistoryViewTests
{
    [Fact]
    public void The_view_has_a_loss_chart_with_step_epoch_validation_and_rate_series_and_an_accuracy_chart()
    {
        var history = FormattingSamples.History(epochs: 6);

        var root = HtmlDom.ParseView(Html.Render(history));

        Assert.Equal("dlext-history", root.ClassName);
        var charts = root.QuerySelectorAll("svg");
        Assert.Equal(3, charts.Length); // loss, accuracy, gradient norm
        // loss: smoothed steps, train per epoch, validation per epoch; lower panel: the cosine learning rate
        Assert.Equal(4, charts[0].QuerySelectorAll("path.series").Length);
        Assert.Single(charts[0].QuerySelectorAll("path.series-raw"));
        Assert.Single(charts[0].QuerySelectorAll("g.marker-point"));
        Assert.Contains(charts[0].QuerySelectorAll("text"), t => t.TextContent == "learning rate");
        Assert.Equal(2, charts[1].QuerySelectorAll("path.series").Length);
    }

    [Fact]
    public void The_accuracy_chart_has_the_x_axis_of_the_loss_chart_not_one_that_ends_a_tick_past_the_last_epoch()
    {
        var history = FormattingSamples.History(epochs: 15);

        var charts = HtmlDom.ParseView(Html.Render(history)).QuerySelectorAll("svg");

        Assert.Equal(["0", "5", "10", "15"], Svg.Texts(charts[0], ".x-ticks text"));
        Assert.Equal(Svg.Texts(charts[0], ".x-ticks text"), Svg.Texts(charts[1], ".x-ticks text"));
    }

    [Fact]
    public void The_gradient_norm_chart_shows_every_steps_norm_and_the_clip_threshold_as_a_dashed_line()
    {
        var history = FormattingSamples.History(epochs: 4, clipNorm: 0.5);

        var root = HtmlDom.ParseView(Html.Render(history));

        var chart = root.QuerySelectorAll("svg")[2];
        var texts = chart.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Contains("Gradient norm", texts);
        Assert.Contains("gradient norm before clipping (per step, smoothed)", texts);
        Assert.Contains("clip norm 0.5", texts);
        Assert.Equal(2, chart.QuerySelectorAll("path.series").Length);
        Assert.Single(chart.QuerySelectorAll("path.series-raw"));
        Assert.Empty(chart.QuerySelectorAll("g.points")); // the threshold is a line, not two data points
        Assert.Contains("clip norm 0.5", root.TextContent);
        Assert.All(history.Steps, s => Assert.True(s.GradientNorm > 0));
    }

    [Fact]
    public void Without_a_clip_norm_the_gradient_norm_chart_has_no_threshold()
    {
        var chart = TrainingHistoryView.GradientNormChart(FormattingSamples.History(epochs: 2));

        Assert.NotNull(chart);
        Assert.Single(chart.Series);
    }

    [Fact]
    public void The_table_lists_every_epoch_up_to_twelve_and_marks_the_best()
    {
        var history = FormattingSamples.History(epochs: 6);

        var table = HtmlDom.ParseView(Html.Render(history)).QuerySelector("table")!;

        var rows = HtmlDom.DataRows(table);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], rows.Select(r => r.Children[0].TextContent));
        var best = Assert.Single(table.QuerySelectorAll("tr.dlext-best"));
        Assert.Equal((history.BestEpoch!.Value + 1).ToString(CultureInfo.InvariantCulture), best.Children[0].TextContent);
        Assert.Equal(["epoch", "train loss", "val loss", "train acc", "val acc", "η", "time"], table.QuerySelectorAll("th").Select(h => h.TextContent));
        Assert.All(rows, r => Assert.Equal("3 ms", r.Children[^1].TextContent)); // the stepping clock advances 3 ms per reading
    }

    [Fact]
    public void A_long_run_lists_the_first_three_and_last_eight_epochs_and_the_best_one()
    {
        var history = FormattingSamples.History(epochs: 30);
        var bestIndex = history.BestEpoch!.Value;

        var table = HtmlDom.ParseView(Html.Render(history)).QuerySelector("table")!;

        var expected = Enumerable.Range(1, 3).Concat(Enumerable.Range(23, 8)).Append(bestIndex + 1).Distinct().Order()
            .Select(e => e.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, HtmlDom.DataRows(table).Select(r => r.Children[0].TextContent));
        Assert.All(table.QuerySelectorAll("td[colspan]"), c => Assert.Matches("^… \\d+ more epochs? …$", c.TextContent));
        Assert.Single(table.QuerySelectorAll("tr.dlext-best"));
    }

    [Fact]
    public void Early_stopping_shows_a_vertical_marker_and_the_stop_message()
    {
        // An improvement of 10 is impossible, so it stops after the first epoch plus a patience of 2.
        var history = FormattingSamples.History(epochs: 20, earlyStopping: new EarlyStopping(patience: 2, minDelta: 10));

        var root = HtmlDom.ParseView(Html.Render(history));

        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        var marker = Assert.Single(root.QuerySelectorAll("svg")[0].QuerySelectorAll("g.marker-vertical"));
        Assert.Contains("early stop", marker.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"early stopping after \d+ ms: validation loss did not improve", root.TextContent);
    }

    [Fact]
    public void A_diverged_run_says_how_long_it_ran_before_the_reason_not_after_it()
    {
        var data = Datasets.Spirals(30, classes: 3, seed: 5);
        var options = new TrainingOptions
        {
            Epochs = 3, BatchSize = 16, Threads = 1, Seed = 1, Optimizer = new Sgd(1e6),
            TimeProvider = new SteppingTimeProvider(TimeSpan.FromMilliseconds(1)),
        };

        var history = Trainer.Fit(FormattingSamples.SpiralModel(), data, options);

        Assert.Equal(StopReason.Diverged, history.StopReason);
        var root = HtmlDom.ParseView(Html.Render(history));
        var state = root.QuerySelectorAll("div").Last(d => d.TextContent.StartsWith("diverged", StringComparison.Ordinal));
        Assert.Matches(@"^diverged after \d+ ms: the loss .* try a smaller learning rate$", state.TextContent);
    }

    [Fact]
    public void A_cancelled_run_says_cancelled_in_red_in_its_final_view_and_text()
    {
        using var cts = new CancellationTokenSource();
        var data = Datasets.Spirals(30, classes: 3, seed: 5);
        var options = new TrainingOptions { Epochs = 5, BatchSize = 16, Threads = 1, Seed = 1, TimeProvider = new SteppingTimeProvider(TimeSpan.FromMilliseconds(1)) };
        options.Callbacks.Add(new CancelOnBatch(cts, 10)); // 90 samples: 6 batches per epoch, so epoch 2 is cut short

        var history = Trainer.Fit(FormattingSamples.SpiralModel(), data, options, cts.Token);

        Assert.Equal(StopReason.Cancelled, history.StopReason);
        var root = HtmlDom.ParseView(Html.Render(history));
        var state = root.QuerySelectorAll("div").Last(d => d.TextContent.StartsWith("cancelled", StringComparison.Ordinal));
        Assert.StartsWith("cancelled during epoch 2", state.TextContent, StringComparison.Ordinal);
        Assert.Contains("color:#B00020", state.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Single(HtmlDom.DataRows(root.QuerySelector("table")!)); // the one finished epoch
        Assert.StartsWith("cancelled during epoch 2", Html.RenderText(history).Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_view_shows_the_running_epoch()
    {
        var views = new List<string>();
        var data = Datasets.Spirals(30, classes: 3, seed: 5);
        var options = new TrainingOptions { Epochs = 4, BatchSize = 32, Threads = 1, Seed = 1, TimeProvider = new SteppingTimeProvider(TimeSpan.FromMilliseconds(1)) };
        options.Callbacks.Add(new RenderEachEpoch(views));

        Trainer.Fit(FormattingSamples.SpiralModel(), data, options);

        Assert.Equal(4, views.Count);
        Assert.Contains("running: epoch 2/4", HtmlDom.ParseView(views[0]).TextContent, StringComparison.Ordinal);
        Assert.Single(HtmlDom.DataRows(HtmlDom.ParseView(views[0]).QuerySelector("table")!));
    }

    [Fact]
    public void The_plain_text_summary_is_three_to_five_lines_with_last_best_and_stop_reason()
    {
        var history = FormattingSamples.History(epochs: 5);

        var lines = Html.RenderText(history).Split('\n');

        Assert.InRange(lines.Length, 3, 5);
        Assert.StartsWith("Training Linear", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("last epoch 5: train loss", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("best epoch", StringComparison.Ordinal) && l.Contains("validation loss", StringComparison.Ordinal));
        Assert.StartsWith("completed 5 epochs", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_hundred_epoch_history_with_thousands_of_steps_stays_under_32_KB()
    {
        var history = FormattingSamples.History(epochs: 100, samplesPerClass: 300, batchSize: 32);

        var bytes = Encoding.UTF8.GetByteCount(Html.Render(history));

        Assert.True(history.Steps.Count >= 2000, $"{history.Steps.Count} steps");
        Assert.True(bytes < 32 * 1024, $"{bytes} bytes"); // 25 KB before the per-step gradient-norm chart (about 6 KB)
    }

    [Fact]
    public void Equal_runs_render_identical_html()
    {
        var first = Html.Render(FormattingSamples.History(epochs: 4));
        var second = Html.Render(FormattingSamples.History(epochs: 4));

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_shown_epochs_are_all_up_to_twelve_then_first_last_and_best()
    {
        Assert.Equal(Enumerable.Range(0, 12), TrainingHistoryView.ShownEpochs(12, 3));
        Assert.Equal([0, 1, 2, 5, 92, 93, 94, 95, 96, 97, 98, 99], TrainingHistoryView.ShownEpochs(100, 5));
        Assert.Equal([0, 1, 2, 92, 93, 94, 95, 96, 97, 98, 99], TrainingHistoryView.ShownEpochs(100, 1));
    }

    private sealed class RenderEachEpoch(List<string> views) : TrainingCallback
    {
        protected override void OnEpochEnded(TrainingState state) => views.Add(Html.Render(state.History));
    }

    private sealed class CancelOnBatch(CancellationTokenSource cts, int batch) : TrainingCallback
    {
        protected override void OnBatchEnded(TrainingState state)
        {
            if (state.Step + 1 == batch)
            {
                cts.Cancel();
            }
        }
    }
}
