namespace Interactive.DlExt.Search;

/// <summary>The answer to <see cref="IStudyStorage.ClaimTrial"/>.</summary>
public sealed class ClaimResult
{
    private ClaimResult(SuggestionKind kind, TrialRecord? trial)
    {
        Kind = kind;
        Trial = trial;
    }

    /// <summary>Ready: <see cref="Trial"/> is now running for this worker; Wait: ask again later; Exhausted: nothing left.</summary>
    public SuggestionKind Kind { get; }

    /// <summary>The claimed trial when <see cref="Kind"/> is Ready.</summary>
    public TrialRecord? Trial { get; }

    /// <summary>Ask again later.</summary>
    public static ClaimResult Wait { get; } = new(SuggestionKind.Wait, null);

    /// <summary>The budget is spent or the strategy is exhausted.</summary>
    public static ClaimResult Done { get; } = new(SuggestionKind.Exhausted, null);

    /// <summary>A claimed trial.</summary>
    public static ClaimResult Claimed(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return new(SuggestionKind.Ready, trial);
    }
}
