using System.Globalization;

namespace Interactive.DlExt.Search;

/// <summary>Equality and formatting of parameter values (strings, booleans, integers and doubles).</summary>
internal static class ParameterValues
{
    /// <summary>Numbers compare by value whatever their CLR type, so a condition on 64 matches a choice of 64.0.</summary>
    public static bool AreEqual(object a, object b) =>
        TryNumber(a, out var x) && TryNumber(b, out var y) ? x.Equals(y) : a.Equals(b);

    public static bool TryNumber(object value, out double number)
    {
        switch (value)
        {
            case double d: number = d; return true;
            case float f: number = f; return true;
            case int i: number = i; return true;
            case long l: number = l; return true;
            default: number = double.NaN; return false;
        }
    }

    public static string Format(object value) => value switch
    {
        double d => NumberText.General(d),
        float f => NumberText.General(f),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Checks a choice value is one the study file can store and read back unchanged.</summary>
    public static object Check(object? value, string parameter) => value switch
    {
        string or bool or int or long => value,
        double d when double.IsFinite(d) => d,
        float f when float.IsFinite(f) => (double)f,
        _ => throw new DlExtArgumentException(parameter, value?.ToString() ?? "null", "choices that are strings, booleans, integers or finite numbers"),
    };
}
