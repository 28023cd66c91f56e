namespace Interactive.DlExt.Search;

/// <summary>
/// Random search (Bergstra and Bengio 2012): every parameter drawn independently, uniformly over its range
/// (log-uniformly for log ranges). Trial n's parameters depend only on the study seed and n.
/// </summary>
public sealed class RandomSearch : SearchStrategy
{
    /// <inheritdoc />
    public override string Name => "random";

    /// <inheritdoc />
    public override Suggestion Suggest(StudyHistory history, int trialNumber, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(random);
        return Suggestion.Ready(SampleRandomly(history.Space, random));
    }
}
