using System.Text.Json;

namespace Interactive.DlExt.Search;

/// <summary>A categorical parameter: one of a fixed list of strings, booleans or numbers. One value means a fixed setting.</summary>
public sealed class ChoiceParameter : SearchParameter
{
    /// <summary>Creates a choice among <paramref name="values"/> (at least one, no duplicates).</summary>
    public ChoiceParameter(string name, IEnumerable<object> values, ParameterCondition? condition = null)
        : base(name, condition)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.Select(v => ParameterValues.Check(v, name)).ToArray();
        var text = string.Join(",", list.Select(ParameterValues.Format));
        if (list.Length == 0)
        {
            throw new DlExtArgumentException(name, "(no values)", "at least one value");
        }

        for (var i = 0; i < list.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (ParameterValues.AreEqual(list[i], list[j]))
                {
                    throw new DlExtArgumentException(name, text, $"distinct values ({ParameterValues.Format(list[i])} appears twice)");
                }
            }
        }

        Values = list;
    }

    /// <summary>The values in declaration order.</summary>
    public IReadOnlyList<object> Values { get; }

    /// <summary>The position of <paramref name="value"/> in <see cref="Values"/>, or −1.</summary>
    public int IndexOf(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < Values.Count; i++)
        {
            if (ParameterValues.AreEqual(Values[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override string Describe() => string.Join(",", Values.Select(ParameterValues.Format));

    internal override object Sample(RandomSource random) => Values[random.NextInt(Values.Count)];

    internal override IReadOnlyList<object> GridValues(int pointsPerRange) => Values;

    internal override SearchParameter WithCondition(ParameterCondition? condition) => new ChoiceParameter(Name, Values, condition);

    internal override void WriteJson(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            default: writer.WriteNumberValue((double)value); break;
        }
    }

    internal override object ReadJson(JsonElement element)
    {
        // Read back the declared value itself, so an int choice stays an int and a double stays a double.
        foreach (var v in Values)
        {
            var match = element.ValueKind switch
            {
                JsonValueKind.String => v is string s && s == element.GetString(),
                JsonValueKind.True or JsonValueKind.False => v is bool b && b == element.GetBoolean(),
                JsonValueKind.Number => ParameterValues.TryNumber(v, out var x) && x.Equals(element.GetDouble()),
                _ => false,
            };
            if (match)
            {
                return v;
            }
        }

        throw new InvalidDataException($"{Name}: the stored value {element.GetRawText()} is not one of {Describe()}.");
    }
}
