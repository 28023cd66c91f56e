namespace Interactive.DlExt.Search;

/// <summary>
/// Proposes the parameters of trial n (the "ask" of ask/tell). There is no separate "tell": results reach a
/// strategy through the trials the study recorded, so a strategy is a pure function of
/// (history, trial number, generator) and the generator is <c>RandomSource.Derive(studySeed, trialNumber)</c>.
/// Consequences: a resumed study continues exactly; trial n of a strategy that ignores history (grid, random)
/// gets the same parameters whatever the parallelism; a model-based strategy (TPE) sees only the trials
/// completed when trial n was asked, so its suggestions depend on which trials had finished by then.
/// </summary>
public abstract class SearchStrategy
{
    /// <summary>A short name for reports, e.g. "tpe".</summary>
    public abstract string Name { get; }

    /// <summary>How many trials a model-based strategy draws at random before it models (0 for the others, whose every
    /// trial follows one rule): the views say which trials those were.</summary>
    public virtual int RandomStartupTrials => 0;

    /// <summary>The parameters for trial <paramref name="trialNumber"/>, "wait" or "exhausted".</summary>
    /// <param name="history">The study so far (trials with lower numbers may still be running).</param>
    /// <param name="trialNumber">The number of the trial being asked for.</param>
    /// <param name="random">A generator derived from the study seed and the trial number only.</param>
    public abstract Suggestion Suggest(StudyHistory history, int trialNumber, RandomSource random);

    /// <summary>Every active parameter drawn from its own distribution (random search, and the start-up trials of the
    /// model-based strategies).</summary>
    internal static TrialParameters SampleRandomly(SearchSpace space, RandomSource random) => SampleSpace(space, (p, _) => p.Sample(random));

    /// <summary>Samples every active parameter in space order with <paramref name="sampleOne"/>.</summary>
    internal static TrialParameters SampleSpace(SearchSpace space, Func<SearchParameter, IReadOnlyDictionary<string, object>, object> sampleOne)
    {
        var assigned = new Dictionary<string, object>(StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<string, object>>();
        foreach (var p in space.Parameters)
        {
            if (p.IsActive(assigned))
            {
                var value = sampleOne(p, assigned);
                assigned[p.Name] = value;
                ordered.Add(new(p.Name, value));
            }
        }

        return new TrialParameters(ordered);
    }
}
