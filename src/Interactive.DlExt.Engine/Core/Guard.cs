using System.Globalization;

namespace Interactive.DlExt;

/// <summary>Argument checks that throw <see cref="DlExtArgumentException"/> with the value and what is accepted.</summary>
internal static class Guard
{
    public static int AtLeast(int value, int minimum, string parameter) =>
        value >= minimum ? value : throw new DlExtArgumentException(parameter, Text(value), $"an integer ≥ {minimum}");

    /// <summary>Checks <paramref name="value"/> lies in [minimum, maximum].</summary>
    public static int InRange(int value, int minimum, int maximum, string parameter) =>
        value >= minimum && value <= maximum ? value : throw new DlExtArgumentException(parameter, Text(value), $"an integer from {minimum} to {maximum}");

    public static double Positive(double value, string parameter) =>
        value > 0 && double.IsFinite(value) ? value : throw new DlExtArgumentException(parameter, Text(value), "a finite number > 0");

    public static double NonNegative(double value, string parameter) =>
        value >= 0 && double.IsFinite(value) ? value : throw new DlExtArgumentException(parameter, Text(value), "a finite number ≥ 0");

    /// <summary>Checks <paramref name="value"/> lies in the open interval (low, high).</summary>
    public static double Between(double value, double low, double high, string parameter) =>
        value > low && value < high ? value : throw new DlExtArgumentException(parameter, Text(value), $"a number in ({Text(low)}, {Text(high)})");

    /// <summary>Checks <paramref name="value"/> lies in [low, high).</summary>
    public static double InHalfOpen(double value, double low, double high, string parameter) =>
        value >= low && value < high ? value : throw new DlExtArgumentException(parameter, Text(value), $"a number in [{Text(low)}, {Text(high)})");

    public static string Text(double value) => NumberText.General(value);

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
