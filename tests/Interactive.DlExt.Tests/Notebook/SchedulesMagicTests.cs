using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class SchedulesMagicTests
{
    [Fact]
    public async Task Schedules_shows_every_schedule_of_the_line_on_one_comparison_and_stores_it()
    {
        var host = new RecordingHost();

        await MagicInvoker.InvokeAsync(host,
            "#!schedules \"step:size=5,gamma=0.5;cosine;onecycle:maxmom=0.95,minmom=0.85\" --epochs 20 --steps-per-epoch 50 --lr 0.1 --out plan", "#!schedules");

        var comparison = Assert.IsType<ScheduleComparison>(host.Outputs[0].Last);
        Assert.Same(comparison, host.Variables["plan"]);
        Assert.Equal((20, 50, 0.1), (comparison.Epochs, comparison.StepsPerEpoch, comparison.BaseLearningRate));
        Assert.Equal(["step: ×0.5 every 5 epochs", "cosine", "one-cycle (momentum 0.95→0.85)"], comparison.Schedules.Select(s => s.Label));
    }

    [Fact]
    public async Task Schedules_without_a_schedule_says_how_to_write_one()
    {
        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(new RecordingHost(), "#!schedules --epochs 5", "#!schedules"));

        Assert.Equal("--schedules", e.ParamName);
        Assert.Contains("separated by ';'", e.Message, StringComparison.Ordinal);
    }
}
