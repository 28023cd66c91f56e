namespace Interactive.DlExt;

/// <summary>The one rule for a numeric range with optional, optionally exclusive, ends: how it reads in messages and
/// help ("≥ 0 and &lt; 1") and whether a value lies in it. Hyperparameters, magic options and the command line all use it.</summary>
public static class NumberRange
{
    /// <summary>" &gt; 0", " ≥ 0 and &lt; 1", or empty when both ends are open: to append to "a number" or "an integer".</summary>
    public static string Text(double? minimum, bool minimumExclusive, double? maximum, bool maximumExclusive)
    {
        var parts = new List<string>();
        if (minimum is { } min)
        {
            parts.Add((minimumExclusive ? "> " : "≥ ") + Format(min));
        }

        if (maximum is { } max)
        {
            parts.Add((maximumExclusive ? "< " : "≤ ") + Format(max));
        }

        return parts.Count == 0 ? string.Empty : " " + string.Join(" and ", parts);
    }

    /// <summary>Whether <paramref name="value"/> (not NaN) lies within the ends given.</summary>
    public static bool Contains(double value, double? minimum, bool minimumExclusive, double? maximum, bool maximumExclusive) =>
        !double.IsNaN(value)
        && (minimum is not { } min || (minimumExclusive ? value > min : value >= min))
        && (maximum is not { } max || (maximumExclusive ? value < max : value <= max));

    private static string Format(double value) => NumberText.General(value);
}
