using System.Globalization;

namespace Interactive.DlExt.Cli;

/// <summary>Reads one option's text as its value, or throws <see cref="DlExtArgumentException"/> naming the option,
/// the text and what is accepted, so a typo fails before the data set is loaded.</summary>
internal static class OptionValues
{
    public static string OneOf(string option, string text, IReadOnlyList<string> accepted)
    {
        var match = accepted.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return match ?? throw new DlExtArgumentException(option, text, "one of " + string.Join(", ", accepted));
    }

    public static int Int(string option, string text, int minimum, int maximum = int.MaxValue)
    {
        var accepted = maximum == int.MaxValue ? $"an integer ≥ {minimum}" : $"an integer from {minimum} to {maximum}";
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= minimum && v <= maximum
            ? v
            : throw new DlExtArgumentException(option, text, accepted);
    }

    public static ulong Seed(string option, string text) =>
        ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new DlExtArgumentException(option, text, "an integer ≥ 0");

    public static double Positive(string option, string text) =>
        TryNumber(text, out var v) && v > 0
            ? v
            : throw new DlExtArgumentException(option, text, "a number > 0 such as 0.001 or 1e-3");

    public static double Fraction(string option, string text) =>
        TryNumber(text, out var v) && v > 0 && v < 1
            ? v
            : throw new DlExtArgumentException(option, text, "a fraction between 0 and 1 (exclusive) such as 0.15");

    /// <summary>"MIN..MAX" with 0 &lt; MIN &lt; MAX, e.g. "1e-4..1e-2".</summary>
    public static (double Min, double Max) Range(string option, string text)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        return parts.Length == 2 && TryNumber(parts[0], out var min) && TryNumber(parts[1], out var max) && min > 0 && min < max
            ? (min, max)
            : throw new DlExtArgumentException(option, text, "MIN..MAX with 0 < MIN < MAX, such as 1e-4..1e-2");
    }

    /// <summary>Comma-separated distinct integers ≥ 1, e.g. "32,64,128".</summary>
    public static IReadOnlyList<int> IntList(string option, string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < 1 || values.Contains(v))
            {
                throw new DlExtArgumentException(option, text, "distinct integers ≥ 1 separated by commas, such as 32,64,128");
            }

            values.Add(v);
        }

        return values;
    }

    public static string NotEmpty(string option, string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new DlExtArgumentException(option, "\"\"", "a path such as out/report.html") : text;

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
