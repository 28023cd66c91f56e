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
        Assert.Contains("note: learning rate: the learning rate 1E+06 is outside the usual 1e-6 … 1.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthy_history_shows_no_advice_box()
    {
        var history = Trainer.Fit(new Sequential(new Linear(64, 10)), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 2, Optimizer = new Sgd(0.05), Threads = 1 });

        Assert.DoesNotContain("dlext-advice", Html.Render(history), StringComparison.Ordinal);
        Assert.DoesNotContain("note:", Html.RenderText(history), StringComparison.Ordinal);
    }
}
