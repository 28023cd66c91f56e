using System.Globalization;
using System.Text;

namespace Interactive.DlExt.Charts;

/// <summary>
/// Culture-free number text for SVG: a fixed number of decimals, trailing zeros trimmed,
/// written straight into a <see cref="StringBuilder"/> so a dense chart allocates nothing per number.
/// </summary>
internal static class SvgNumber
{
    /// <summary>Appends <paramref name="value"/> rounded to <paramref name="decimals"/> (0, 1 or 2) decimals.</summary>
    public static void Append(StringBuilder builder, double value, int decimals = 2)
    {
        long scale = decimals switch { 0 => 1, 1 => 10, _ => 100 };
        if (!double.IsFinite(value) || Math.Abs(value) > 1e12)
        {
            // Coordinates are clamped by the callers; this only keeps a bad value from writing "NaN".
            builder.Append('0');
            return;
        }

        AppendScaled(builder, (long)Math.Round(value * scale, MidpointRounding.AwayFromZero), scale);
    }

    /// <summary>Appends an integer count of 1/<paramref name="scale"/> units (scale 1, 10 or 100), e.g. 1250/100 → "12.5".</summary>
    public static void AppendScaled(StringBuilder builder, long scaled, long scale, bool dropLeadingZero = false)
    {
        if (scaled < 0)
        {
            builder.Append('-');
            scaled = -scaled;
        }

        long whole = scaled / scale;
        long fraction = scaled % scale;
        if (whole != 0 || fraction == 0 || !dropLeadingZero)
        {
            builder.Append(whole.ToString(CultureInfo.InvariantCulture));
        }

        if (fraction == 0)
        {
            return;
        }

        builder.Append('.');
        if (scale == 100)
        {
            builder.Append((char)('0' + (fraction / 10)));
            if (fraction % 10 != 0)
            {
                builder.Append((char)('0' + (fraction % 10)));
            }
        }
        else
        {
            builder.Append((char)('0' + fraction));
        }
    }

    /// <summary>The text <see cref="Append"/> would write.</summary>
    public static string Format(double value, int decimals = 2)
    {
        var builder = new StringBuilder(12);
        Append(builder, value, decimals);
        return builder.ToString();
    }
}
