using System.Globalization;

namespace Interactive.DlExt;

/// <summary>Parses the comma lists of numbers the descent lab takes (start points, domains, lists of settings).</summary>
internal static class DescentValues
{
    /// <summary>The finite numbers of a comma list; any other item is refused naming <paramref name="parameter"/>.</summary>
    public static IReadOnlyList<double> Numbers(string text, string parameter, string accepted)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new List<double>(items.Length);
        foreach (var item in items)
        {
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new DlExtArgumentException(parameter, text, accepted + (item.Length == 0 ? " (an item is empty)" : $" (\"{item}\" is not a number)"));
            }

            numbers.Add(value);
        }

        return numbers;
    }

    /// <summary>Parses "x,y".</summary>
    public static (double X, double Y) Point(string text, string parameter)
    {
        const string Accepted = "a point written x,y, e.g. -2.5,2";
        var numbers = Numbers(text, parameter, Accepted);
        return numbers.Count == 2 ? (numbers[0], numbers[1]) : throw new DlExtArgumentException(parameter, text, Accepted);
    }
}
