namespace Interactive.DlExt.Tests.Formatting;

public sealed class AdviceViewTests
{
    [Fact]
    public void A_diverged_history_shows_its_notes_in_html_and_text()
    {
        var history = Trainer.Fit(new Sequential(new Linear(64, 10)), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 2, Optimizer = new Sgd(1e6), Threads = 1 });

        var html = Html.Render(history);
        var text = Html.RenderText(history);

        Assert.Contains("class=\"dlext-advice\"", html, StringComparison.Ordinal);
        Assert.Contains("<b>exploding loss:</b>", html, StringComparison.Ordinal);
        Assert.Contains("note: learning rate: the learning rate 1e6 is outside the usual 1e-6 … 1.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthy_history_shows_no_advice_box()
    {
        var history = Trainer.Fit(new Sequential(new Linear(64, 10)), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 2, Optimizer = new Sgd(0.05), Threads = 1 });

        Assert.DoesNotContain("dlext-advice", Html.Render(history), StringComparison.Ordinal);
        Assert.DoesNotContain("note:", Html.RenderText(history), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_whose_best_sits_on_a_range_edge_says_so_in_its_views()
    {
        var result = Search.Sweep.Run(new Search.SweepRequest(
            _ => new Sequential(new Linear(64, 16), new ReLU(), new Linear(16, 10)), Datasets.Digits(flatten: true), Search.SearchSpace.Create().LogUniform("lr", 1e-3, 0.1))
        {
            Strategy = new Search.GridSearch(pointsPerRange: 3), Trials = 3, Epochs = 2, Optimizer = "sgd", ThreadsPerTrial = 1,
        });

        Assert.Contains("<b>range edge:</b> the best trial&#39;s lr = 0.1 sits at the high edge", Html.Render(result), StringComparison.Ordinal);
        Assert.Contains("note: range edge: the best trial's lr = 0.1 sits at the high edge", Html.RenderText(result), StringComparison.Ordinal);
    }
}
