namespace Interactive.DlExt.Search;

/// <summary>What a strategy answers when asked for a trial's parameters.</summary>
public enum SuggestionKind
{
    /// <summary>Here are the parameters.</summary>
    Ready,

    /// <summary>Not yet: earlier trials must finish first (e.g. the previous coarse-to-fine round). Ask again later.</summary>
    Wait,

    /// <summary>Nothing left to try (e.g. a grid that has been fully enumerated).</summary>
    Exhausted,
}

/// <summary>A strategy's answer: parameters, "wait" or "exhausted".</summary>
public sealed class Suggestion
{
    private Suggestion(SuggestionKind kind, TrialParameters? parameters)
    {
        Kind = kind;
        Parameters = parameters;
    }

    /// <summary>Ask again once running trials have finished.</summary>
    public static Suggestion Wait { get; } = new(SuggestionKind.Wait, null);

    /// <summary>The strategy has nothing more to try.</summary>
    public static Suggestion Exhausted { get; } = new(SuggestionKind.Exhausted, null);

    /// <summary>The kind of answer.</summary>
    public SuggestionKind Kind { get; }

    /// <summary>The parameters when <see cref="Kind"/> is <see cref="SuggestionKind.Ready"/>.</summary>
    public TrialParameters? Parameters { get; }

    /// <summary>An answer with parameters.</summary>
    public static Suggestion Ready(TrialParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new(SuggestionKind.Ready, parameters);
    }
}
