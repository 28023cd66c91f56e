using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

/// <summary>The notebook's Stop button during a magic: the run stops within a batch, the view says so, and what
/// --out names is there for the very next cell.</summary>
[Collection(RealKernelGroup.Name)]
public sealed class CancelTests(PackedBuild build) : IAsyncLifetime
{
    private StdioKernel _kernel = null!;

    public async Task InitializeAsync() => _kernel = (await LoadedKernel.StartAsync(build)).Kernel;

    public async Task DisposeAsync() => await _kernel.DisposeAsync();

    [Fact]
    public async Task Cancelling_train_stops_it_says_cancelled_and_the_next_cell_sees_the_history()
    {
        var (cell, cancelled) = await _kernel.SubmitAndCancelAsync(
            "#!train model --data train --epochs 100000 --out stopped",
            e => e.Type == "DisplayedValueUpdated" && e.FormattedValues.GetValueOrDefault("text/plain", "").Contains("last epoch", StringComparison.Ordinal));
        var next = await _kernel.SubmitAsync("$\"{stopped.StopReason} after {stopped.Epochs.Count} epochs\"");

        Assert.Equal("Command cancelled.", cell.FailureMessage);
        var last = Assert.Single(cell.Displays).Last();
        Assert.Contains("cancelled", last.FormattedValues["text/plain"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cancelled", last.FormattedValues["text/html"], StringComparison.OrdinalIgnoreCase);
        Assert.True(next.Succeeded, next.Describe());
        Assert.StartsWith("Cancelled after ", next.ReturnText, StringComparison.Ordinal);
        KernelOutputs.Save("train-cancelled", cell);
        KernelOutputs.Log($"cancel #!train: last view {(last.ArrivedUtc - cancelled).TotalSeconds:F2} s after Cancel, cell done {(cell.Events[^1].ArrivedUtc - cancelled).TotalSeconds:F2} s after; next cell: {next.ReturnText}");
    }

    [Fact]
    public async Task Cancelling_sweep_stops_it_says_cancelled_and_the_next_cell_sees_the_result()
    {
        var updates = 0;
        var (cell, cancelled) = await _kernel.SubmitAndCancelAsync(
            "#!sweep makeModel --data train --lr 1e-4..1e-1:log --trials 50 --epochs 300 --seed 1 --out halted",
            e => e.Type == "DisplayedValueUpdated" && ++updates == 3);
        var next = await _kernel.SubmitAsync("$\"{halted.WasCancelled} {halted.Trials.Count(t => t.State == TrialState.Cancelled && t.EpochsRun > 0 && t.Curve.Count > 0)} of {halted.Trials.Count}\"");

        Assert.Equal("Command cancelled.", cell.FailureMessage);
        var last = Assert.Single(cell.Displays).Last();
        Assert.Contains("cancelled", last.FormattedValues["text/plain"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("halted", last.FormattedValues["text/plain"], StringComparison.Ordinal);
        Assert.True(next.Succeeded, next.Describe());
        Assert.StartsWith("True 1 of ", next.ReturnText, StringComparison.Ordinal); // the running trial kept its curve
        KernelOutputs.Save("sweep-cancelled", cell);
        KernelOutputs.Log($"cancel #!sweep: last view {(last.ArrivedUtc - cancelled).TotalSeconds:F2} s after Cancel, cell done {(cell.Events[^1].ArrivedUtc - cancelled).TotalSeconds:F2} s after; next cell: {next.ReturnText}");
    }
}
