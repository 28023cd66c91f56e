namespace Interactive.DlExt;

/// <summary>One rule of thumb that applies to a run: what was seen, why it matters and what to try. A note, not an
/// error: the run stands as it is.</summary>
/// <param name="Rule">A short name of the rule, e.g. "overfitting".</param>
/// <param name="Saw">What the run shows, with its numbers.</param>
/// <param name="Why">Why it matters.</param>
/// <param name="Try">What to try next.</param>
public sealed record Advice(string Rule, string Saw, string Why, string Try)
{
    /// <inheritdoc />
    public override string ToString() => $"{Rule}: {Saw}. {WhySentence}. Try: {Try}.";

    /// <summary><see cref="Why"/> starting with a capital, as the second sentence of a note.</summary>
    public string WhySentence => Why.Length == 0 ? Why : char.ToUpperInvariant(Why[0]) + Why[1..];
}
