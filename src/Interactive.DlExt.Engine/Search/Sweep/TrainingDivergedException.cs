namespace Interactive.DlExt.Search;

/// <summary>Marks a sweep trial whose loss became NaN or infinite; the study records it Failed with this message.</summary>
internal sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    public TrainingDivergedException()
    {
    }

    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
