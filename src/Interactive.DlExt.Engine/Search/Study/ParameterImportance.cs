namespace Interactive.DlExt.Search;

/// <summary>
/// A light-weight parameter importance (a one-way ANOVA per parameter, not fANOVA): over the completed
/// trials, each parameter splits the objective values into groups (a choice: by value; a range: into
/// ⌈√n⌉ (2 to 10) equal-count bins of its internal coordinate; trials where a conditional parameter was
/// inactive form a group of their own). Its raw importance is the share of the objective's variance the
/// parameter alone explains, corrected for the variance any k groups explain by chance (ε², Kelley 1935):
/// ε² = max(0, SS_between − (k−1)·SS_within/(n−k)) / SS_total. The shares are then scaled to sum to 1.
/// Interactions are ignored, so read it as a ranking, not as fANOVA's exact decomposition.
/// </summary>
public static class ParameterImportance
{
    /// <summary>Importance per parameter name (space order), summing to 1; all 0 with fewer than 3 trials or a constant objective.</summary>
    public static IReadOnlyDictionary<string, double> Compute(StudyHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var trials = history.Completed;
        var names = history.Space.Parameters.Select(p => p.Name).ToArray();
        var result = names.ToDictionary(n => n, _ => 0.0, StringComparer.Ordinal);
        if (trials.Count < 3)
        {
            return result;
        }

        var y = trials.Select(t => t.Value!.Value).ToArray();
        var mean = y.Average();
        var total = y.Sum(v => (v - mean) * (v - mean));
        if (total <= 0)
        {
            return result;
        }

        foreach (var p in history.Space.Parameters)
        {
            var groups = Groups(p, trials);
            var between = 0.0;
            foreach (var g in groups.Values)
            {
                var gm = g.Average(i => y[i]);
                between += g.Count * (gm - mean) * (gm - mean);
            }

            var k = groups.Count;
            var within = total - between;
            var chance = k > 1 && y.Length > k ? (k - 1) * within / (y.Length - k) : 0;
            result[p.Name] = Math.Max(0, between - chance) / total;
        }

        var sum = result.Values.Sum();
        return sum <= 0 ? result : names.ToDictionary(n => n, n => result[n] / sum, StringComparer.Ordinal);
    }

    private static Dictionary<int, List<int>> Groups(SearchParameter p, IReadOnlyList<TrialRecord> trials)
    {
        const int Inactive = -1;
        var groups = new Dictionary<int, List<int>>();
        void Add(int key, int index)
        {
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(index);
        }

        var active = Enumerable.Range(0, trials.Count).Where(i => trials[i].Parameters.Has(p.Name)).ToArray();
        foreach (var i in Enumerable.Range(0, trials.Count).Except(active))
        {
            Add(Inactive, i);
        }

        if (p is ChoiceParameter c)
        {
            foreach (var i in active)
            {
                Add(c.IndexOf(trials[i].Parameters.Value(p.Name)), i);
            }
        }
        else if (p is NumericParameter n && active.Length > 0)
        {
            var bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(active.Length)), 2, 10);
            var sorted = active.OrderBy(i => n.ToInternal(trials[i].Parameters.Value(p.Name))).ThenBy(i => i).ToArray();
            var bin = 0;
            for (var r = 0; r < sorted.Length; r++)
            {
                // Equal values share a bin (grid searches repeat values), so a bin never splits a tie.
                var x = n.ToInternal(trials[sorted[r]].Parameters.Value(p.Name));
                if (r == 0 || x != n.ToInternal(trials[sorted[r - 1]].Parameters.Value(p.Name)))
                {
                    bin = r * bins / sorted.Length;
                }

                Add(bin, sorted[r]);
            }
        }

        return groups;
    }
}
