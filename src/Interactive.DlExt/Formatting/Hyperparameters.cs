using System.Globalization;
using System.Reflection;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The hyperparameters of an optimizer or schedule, read from the public properties its concrete types
/// declare (numbers, flags, enums), in declaration order, so new optimizers show theirs with no view code.
/// </summary>
internal static class Hyperparameters
{
    public static IReadOnlyList<(string Name, string Value)> Of(object value)
    {
        // A variant such as AdamW (an Adam with decoupled decay) declares none of its own: read every concrete
        // type from the most basic one down, stopping at the abstract base (Optimizer, LearningRateSchedule).
        var types = new List<Type>();
        for (var t = value.GetType(); t is not null && !t.IsAbstract; t = t.BaseType)
        {
            types.Insert(0, t);
        }

        var properties = types.SelectMany(t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.GetIndexParameters().Length == 0 && IsSimple(p.PropertyType))
            .OrderBy(p => p.MetadataToken));
        var list = new List<(string, string)>();
        foreach (var p in properties)
        {
            list.Add((p.Name, Text(p.GetValue(value))));
        }

        return list;
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(decimal);
    }

    private static string Text(object? value) => value switch
    {
        null => "none",
        double d => HtmlParts.Number(d, "G6"),
        float f => HtmlParts.Number(f, "G6"),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
