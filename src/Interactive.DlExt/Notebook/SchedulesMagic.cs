namespace Interactive.DlExt.Notebook;

/// <summary>#!schedules: several learning-rate schedules planned over one run, on one chart, before training.</summary>
internal static class SchedulesMagic
{
    public static async Task RunAsync(INotebookHost host, MagicArguments arguments)
    {
        var texts = (arguments.Text("--schedules") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (texts.Length == 0)
        {
            throw new DlExtArgumentException("--schedules", "nothing", "one or more schedules separated by ';', e.g. #!schedules \"step:size=5,gamma=0.5;cosine\"");
        }

        var comparison = SchedulePreview.Compare(
            arguments.WholeNumber(Hyperparameters.Epochs), arguments.WholeNumber("--steps-per-epoch", Formatting.ScheduleView.PreviewStepsPerEpoch), arguments.Number(Hyperparameters.LearningRate), texts);
        host.Display(comparison);
        if (arguments.Text("--out") is { } outName)
        {
            await host.SetVariableAsync(outName, comparison, typeof(ScheduleComparison)).ConfigureAwait(false);
        }
    }
}
