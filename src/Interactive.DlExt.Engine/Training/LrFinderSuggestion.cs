namespace Interactive.DlExt;

/// <summary>fastai's suggestions from a range test's smoothed losses (its <c>steep</c> and <c>minimum</c> functions).</summary>
internal static class LrFinderSuggestion
{
    /// <summary>The rate of the most negative slope d(smoothed loss)/d(ln η) between neighbours, over the points left
    /// when the first tenth (still warming up) and the last five (already climbing) are skipped; null if fewer than two remain.</summary>
    public static double? Steepest(IReadOnlyList<LrFinderPoint> points)
    {
        var from = points.Count / 10;
        var to = points.Count - 5;
        if (to - from < 2)
        {
            return null;
        }

        double? best = null;
        var steepest = double.PositiveInfinity;
        for (var i = from; i + 1 < to; i++)
        {
            var slope = (points[i + 1].SmoothedLoss - points[i].SmoothedLoss) / (DeterministicMath.Log(points[i + 1].LearningRate) - DeterministicMath.Log(points[i].LearningRate));
            if (slope < steepest)
            {
                steepest = slope;
                best = points[i].LearningRate;
            }
        }

        return best;
    }

    /// <summary>The rate of the lowest smoothed loss (the last point is never the minimum of a diverged test).</summary>
    public static double Minimum(IReadOnlyList<LrFinderPoint> points)
    {
        var index = 0;
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].SmoothedLoss < points[index].SmoothedLoss)
            {
                index = i;
            }
        }

        return points[index].LearningRate;
    }
}
