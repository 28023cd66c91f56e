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

    /// <summary>A parser for the number <paramref name="h"/> takes, checked against its range.</summary>
    public static Func<string, string, double> Number(Hyperparameter h) => (option, text) =>
        TryNumber(text, out var v) ? h.Check(v, option) : throw new DlExtArgumentException(option, text, h.Accepted);

    /// <summary>A parser for an optional number: the same checks, null when the option is absent.</summary>
    public static Func<string, string, double?> OptionalNumber(Hyperparameter h) => (option, text) => Number(h)(option, text);

    /// <summary>A parser for the integer <paramref name="h"/> takes, checked against its range.</summary>
    public static Func<string, string, int?> Whole(Hyperparameter h) => (option, text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? (int)h.Check(v, option) : throw new DlExtArgumentException(option, text, h.Accepted);

    public static string NotEmpty(string option, string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new DlExtArgumentException(option, "\"\"", "a path such as out/report.html") : text;

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
