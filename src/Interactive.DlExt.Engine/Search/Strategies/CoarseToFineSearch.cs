namespace Interactive.DlExt.Search;

/// <summary>
/// Coarse-to-fine search: rounds of <see cref="TrialsPerRound"/> random trials. Round 0 samples the whole
/// space; each later round samples inside a box around the <see cref="TopTrials"/> best completed trials of
/// the round before: for a range, [min, max] of their values widened by <see cref="Margin"/> of the previous
/// box's width on each side (in log(x) for log ranges) and kept inside the previous box; for a choice, the
/// values those trials used. A round starts only once every trial of the previous round has finished
/// (workers wait), so the boxes, and every trial's parameters, are the same whatever the parallelism.
/// </summary>
public sealed class CoarseToFineSearch : SearchStrategy
{
    /// <summary>Creates a coarse-to-fine search.</summary>
    /// <param name="trialsPerRound">Trials per round. The default is 10.</param>
    /// <param name="topTrials">How many best trials of a round define the next box. The default is 3.</param>
    /// <param name="margin">Widening of the next box, as a fraction of the previous box's width per side. The default is 0.1.</param>
    public CoarseToFineSearch(int trialsPerRound = 10, int topTrials = 3, double margin = 0.1)
    {
        TrialsPerRound = Guard.AtLeast(trialsPerRound, 1, nameof(trialsPerRound));
        TopTrials = Guard.AtLeast(topTrials, 1, nameof(topTrials));
        Margin = Guard.NonNegative(margin, nameof(margin));
    }

    /// <summary>Trials per round.</summary>
    public int TrialsPerRound { get; }

    /// <summary>How many best trials of a round define the next box.</summary>
    public int TopTrials { get; }

    /// <summary>Widening per side as a fraction of the previous box's width.</summary>
    public double Margin { get; }

    /// <inheritdoc />
    public override string Name => "coarse-to-fine";

    /// <inheritdoc />
    public override Suggestion Suggest(StudyHistory history, int trialNumber, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(random);
        var round = trialNumber / TrialsPerRound;
        if (history.Trials.Any(t => t.Number < round * TrialsPerRound && !t.IsFinished))
        {
            return Suggestion.Wait;
        }

        var boxes = BoxesFor(history, round);
        return Suggestion.Ready(SampleSpace(history.Space, (p, _) => SampleInBox(p, boxes[p.Name], random)));
    }

    /// <summary>The rounds that have trials so far, with their boxes (for charts of the shrinking boxes).</summary>
    public IReadOnlyList<SearchRound> Rounds(StudyHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Trials.Count == 0)
        {
            return [];
        }

        var last = history.Trials[^1].Number / TrialsPerRound;
        var rounds = new List<SearchRound>();
        var boxes = FullBoxes(history.Space);
        for (var r = 0; r <= last; r++)
        {
            if (r > 0)
            {
                boxes = Narrow(history, r - 1, boxes);
            }

            var first = r * TrialsPerRound;
            var count = history.Trials.Count(t => t.Number >= first && t.Number < first + TrialsPerRound);
            rounds.Add(new SearchRound(r, first, count, history.Space.Parameters.Select(p => boxes[p.Name]).ToArray()));
        }

        return rounds;
    }

    private Dictionary<string, ParameterBox> BoxesFor(StudyHistory history, int round)
    {
        var boxes = FullBoxes(history.Space);
        for (var r = 1; r <= round; r++)
        {
            boxes = Narrow(history, r - 1, boxes);
        }

        return boxes;
    }

    private static Dictionary<string, ParameterBox> FullBoxes(SearchSpace space) =>
        space.Parameters.ToDictionary(
            p => p.Name,
            p => p is NumericParameter n
                ? new ParameterBox(p, n.InternalLow, n.InternalHigh, [])
                : new ParameterBox(p, double.NaN, double.NaN, ((ChoiceParameter)p).Values));

    private Dictionary<string, ParameterBox> Narrow(StudyHistory history, int round, Dictionary<string, ParameterBox> boxes)
    {
        var first = round * TrialsPerRound;
        var top = history.Ranked(history.Completed.Where(t => t.Number >= first && t.Number < first + TrialsPerRound))
            .Take(TopTrials).ToArray();
        var next = new Dictionary<string, ParameterBox>(boxes, StringComparer.Ordinal);
        foreach (var p in history.Space.Parameters)
        {
            var seen = top.Where(t => t.Parameters.Has(p.Name)).Select(t => t.Parameters.Value(p.Name)).ToArray();
            if (seen.Length == 0)
            {
                continue; // no evidence about this parameter (all top trials failed or had it inactive): keep the box
            }

            var box = boxes[p.Name];
            if (p is NumericParameter n)
            {
                var xs = seen.Select(n.ToInternal).ToArray();
                var pad = Margin * (box.InternalHigh - box.InternalLow);
                next[p.Name] = new ParameterBox(
                    p, Math.Max(box.InternalLow, xs.Min() - pad), Math.Min(box.InternalHigh, xs.Max() + pad), []);
            }
            else
            {
                next[p.Name] = new ParameterBox(p, double.NaN, double.NaN, box.Values.Where(v => seen.Any(s => ParameterValues.AreEqual(s, v))).ToArray());
            }
        }

        return next;
    }

    private static object SampleInBox(SearchParameter p, ParameterBox box, RandomSource random) =>
        p is NumericParameter n
            ? n.FromInternal(box.InternalLow + (random.NextDouble() * (box.InternalHigh - box.InternalLow)))
            : box.Values[random.NextInt(box.Values.Count)];
}
