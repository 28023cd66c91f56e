using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class ConsoleHostTests
{
    [Fact]
    public async Task Redirected_output_gets_one_progress_line_per_epoch_and_a_final_line()
    {
        var output = new StringWriter();
        var host = new ConsoleHost(output);
        host.Variables["model"] = new Sequential(new Linear(64, 10));

        await MagicInvoker.InvokeAsync(host, "#!train model --epochs 3 --out h", "#!train");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("preparing training…", lines[0]);
        Assert.Matches(@"^epoch  1/3 \[#######\.+\] loss \d\.\d{4} val \d\.\d{4} acc \d+\.\d\d % lr 1\.0e-03 \d+\.\ds", lines[1]);
        Assert.StartsWith("epoch  3/3 [####################]", lines[3], StringComparison.Ordinal);
        Assert.Matches(@"^done in \d+\.\d s: completed 3 epochs; best validation loss \d\.\d{4} at epoch \d$", lines[4]);
        Assert.Equal(5, lines.Length);
        Assert.IsType<TrainingHistory>(host.Variables["h"]);
    }

    [Fact]
    public void An_interactive_terminal_gets_the_line_redrawn_in_place()
    {
        var output = new StringWriter();
        var host = new ConsoleHost(output, rewriteLine: true);
        var history = Trainer.Fit(new Sequential(new Linear(64, 10)), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 1 });

        host.Display(history);

        Assert.StartsWith("\repoch  1/1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "done in ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(": completed 1 epoch", output.ToString(), StringComparison.Ordinal);
    }
}
