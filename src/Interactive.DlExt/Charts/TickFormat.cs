using System.Globalization;

namespace Interactive.DlExt.Charts;

/// <summary>Invariant-culture label text for ticks, legends and hover titles.</summary>
internal static class TickFormat
{
    /// <summary>A linear tick with the decimals its step needs; very large or small values in e-notation.</summary>
    public static string Linear(double value, int decimals)
    {
        if (value != 0 && (Math.Abs(value) >= 1e6 || decimals > 5))
        {
            return Exponent(value);
        }

        return value.ToString("F" + Math.Min(decimals, 5).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A log tick: "1e-4" / "5e-4" when <paramref name="exponent"/>, else plain ("0.01", "200").</summary>
    public static string Log(double value, bool exponent) =>
        exponent ? Exponent(value) : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Compact e-notation: 0.0003 → "3e-4", 12500 → "1.25e4".</summary>
    public static string Exponent(double value)
    {
        var text = value.ToString("0.##e0", CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>A value for hover text or cell labels: up to four significant digits.</summary>
    public static string Value(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        var magnitude = Math.Abs(value);
        return magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)
            ? value.ToString("0.###e0", CultureInfo.InvariantCulture)
            : value.ToString("G4", CultureInfo.InvariantCulture);
    }
}
