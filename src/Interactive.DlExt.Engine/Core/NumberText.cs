using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// Numbers as the library writes them wherever a person reads a hyperparameter (sweep tables and charts, run labels,
/// error messages): .NET's general format to a number of significant digits, with the exponent written the way
/// papers and Python write it, <c>1e-5</c> and <c>3.918e-5</c>, not <c>1E-05</c>. The text parses back to the same
/// double with <see cref="double.Parse(string, IFormatProvider)"/>.
/// </summary>
public static class NumberText
{
    /// <summary>The value to <paramref name="significantDigits"/> significant digits: 0.001, 0.1, 1e-5, 2.5e7.</summary>
    /// <param name="value">The number.</param>
    /// <param name="significantDigits">At most this many significant digits (1 to 17; 6 by default).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significantDigits"/> is outside 1..17.</exception>
    public static string General(double value, int significantDigits = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 17);
        return Format(value, "G" + significantDigits.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The value in a .NET numeric <paramref name="format"/> (invariant culture), its exponent written short:
    /// "0.#E+0" gives 5e-4, "G4" gives 3.67e-6.</summary>
    /// <param name="value">The number.</param>
    /// <param name="format">A standard or custom numeric format string.</param>
    public static string Format(double value, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0
            ? text
            : text[..e] + "e" + int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }
}
