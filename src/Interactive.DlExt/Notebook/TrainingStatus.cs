namespace Interactive.DlExt.Notebook;

/// <summary>A one-line status shown before the first live update.</summary>
/// <param name="Message">What is happening.</param>
[Formatting.TypeFormatterSource(typeof(Formatting.DlExtFormatterSource))]
public sealed record TrainingStatus(string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
