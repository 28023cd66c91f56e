namespace Interactive.DlExt.Bench;

/// <summary>Order statistics of timings, computed the same way by both engines' benches.</summary>
public static class Percentiles
{
    /// <summary>
    /// The <paramref name="fraction"/>-quantile (0 = minimum, 0.5 = median, 1 = maximum) with linear
    /// interpolation between the two nearest ranks (numpy's default): position p·(n−1) in the sorted values.
    /// </summary>
    public static double Of(IReadOnlyCollection<double> values, double fraction)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("needs at least one value", nameof(values));
        }

        if (fraction is < 0 or > 1 || double.IsNaN(fraction))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must be in [0, 1]");
        }

        var sorted = values.Order().ToArray();
        var position = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
