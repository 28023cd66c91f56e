using System.Runtime.CompilerServices;

namespace Interactive.DlExt.Search;

/// <summary>
/// Grid search: the cartesian product of every choice and of each range discretised to
/// <see cref="PointsPerRange"/> evenly spaced points (log-spaced for log ranges; every value for an integer
/// range that has no more values than that). Conditional parameters multiply only under the parent values
/// that activate them. The first parameter varies slowest; trial n evaluates point n; afterwards the grid is
/// exhausted.
/// </summary>
public sealed class GridSearch : SearchStrategy
{
    private readonly ConditionalWeakTable<SearchSpace, IReadOnlyList<TrialParameters>> _cache = [];

    /// <summary>Creates a grid search.</summary>
    /// <param name="pointsPerRange">Points per continuous range. The default is 5.</param>
    public GridSearch(int pointsPerRange = 5) => PointsPerRange = Guard.AtLeast(pointsPerRange, 1, nameof(pointsPerRange));

    /// <summary>Points per continuous range.</summary>
    public int PointsPerRange { get; }

    /// <inheritdoc />
    public override string Name => "grid";

    /// <summary>Every point of the grid, in trial order.</summary>
    public IReadOnlyList<TrialParameters> Points(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return _cache.GetValue(space, s => Enumerate(s, 0, [], []).ToArray());
    }

    /// <inheritdoc />
    public override Suggestion Suggest(StudyHistory history, int trialNumber, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(history);
        var points = Points(history.Space);
        return trialNumber < points.Count ? Suggestion.Ready(points[trialNumber]) : Suggestion.Exhausted;
    }

    private IEnumerable<TrialParameters> Enumerate(
        SearchSpace space, int index, Dictionary<string, object> assigned, List<KeyValuePair<string, object>> ordered)
    {
        if (index == space.Parameters.Count)
        {
            yield return new TrialParameters(ordered);
            yield break;
        }

        var p = space.Parameters[index];
        if (!p.IsActive(assigned))
        {
            foreach (var point in Enumerate(space, index + 1, assigned, ordered))
            {
                yield return point;
            }

            yield break;
        }

        foreach (var value in p.GridValues(PointsPerRange))
        {
            assigned[p.Name] = value;
            ordered.Add(new(p.Name, value));
            foreach (var point in Enumerate(space, index + 1, assigned, ordered))
            {
                yield return point;
            }

            ordered.RemoveAt(ordered.Count - 1);
            assigned.Remove(p.Name);
        }
    }
}
