namespace Interactive.DlExt.Search;

/// <summary>
/// How sure <see cref="ParameterImportance"/> is: subsampling over the completed trials (Politis and Romano
/// 1994). Each of <c>resamples</c> draws half of the n completed trials (at least three) without replacement and
/// recomputes the importance; the interval per parameter is the central <c>level</c> share of those values. It is
/// wide on purpose: it shows what the same estimate gives on other trials of the same kind, so after six trials a
/// parameter without effect gets an interval reaching down to 0, not only the point estimate's confident 0.5. (A bootstrap, drawing
/// with replacement, was tried first: repeated trials shrink the groups' spread and it put a no-effect parameter
/// at 0.39–0.68.)
/// </summary>
public static class ParameterImportanceInterval
{
    /// <summary>The fewest completed trials for an interval: two half-samples of three, the least <see cref="ParameterImportance.Compute"/> scores.</summary>
    public const int MinimumTrials = 6;

    /// <summary>The subsampling interval per parameter name (space order); [0, 1] (nothing known) for every parameter with fewer than
    /// <see cref="MinimumTrials"/> completed trials.</summary>
    /// <param name="history">The study's trials.</param>
    /// <param name="level">The interval's coverage. The default is 0.8 (the 10th to the 90th percentile).</param>
    /// <param name="resamples">Subsamples drawn. The default is 200.</param>
    /// <param name="seed">The resampling seed, so the same history gives the same interval. The default is 1.</param>
    public static IReadOnlyDictionary<string, ImportanceInterval> Compute(StudyHistory history, double level = 0.8, int resamples = 200, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!(level > 0 && level < 1))
        {
            throw new DlExtArgumentException(nameof(level), level.ToString(System.Globalization.CultureInfo.InvariantCulture), "a number in (0, 1)");
        }

        Guard.AtLeast(resamples, 1, nameof(resamples));
        var names = history.Space.Parameters.Select(p => p.Name).ToArray();
        var completed = history.Completed;
        if (completed.Count < MinimumTrials)
        {
            return names.ToDictionary(n => n, _ => new ImportanceInterval(0, 1), StringComparer.Ordinal);
        }

        var random = new RandomSource(seed);
        var size = (completed.Count + 1) / 2;
        var draws = names.ToDictionary(n => n, _ => new double[resamples], StringComparer.Ordinal);
        for (var r = 0; r < resamples; r++)
        {
            // Half of the trials without replacement: a bootstrap's repeated trials empty the groups' spread and
            // make chance look like importance, while a subsample keeps every group's noise.
            var sample = Enumerable.Range(0, completed.Count).OrderBy(_ => random.NextDouble()).Take(size)
                .Select((k, i) => new TrialRecord(i, TrialState.Completed, completed[k].Parameters, completed[k].Value)).ToArray();
            var importance = ParameterImportance.Compute(new StudyHistory(history.Space, history.Direction, sample));
            foreach (var name in names)
            {
                draws[name][r] = importance[name];
            }
        }

        var tail = (1 - level) / 2;
        return names.ToDictionary(n => n, n => new ImportanceInterval(Percentile(draws[n], tail), Percentile(draws[n], 1 - tail)), StringComparer.Ordinal);
    }

    // Linear interpolation between order statistics (numpy's default).
    private static double Percentile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
