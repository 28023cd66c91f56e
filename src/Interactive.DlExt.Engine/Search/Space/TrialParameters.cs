using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Interactive.DlExt.Search;

/// <summary>The values one trial uses, by parameter name; inactive conditional parameters are absent.</summary>
public sealed class TrialParameters
{
    private readonly KeyValuePair<string, object>[] _items;
    private readonly Dictionary<string, object> _byName;

    /// <summary>Creates parameters from name/value pairs (kept in the given order).</summary>
    public TrialParameters(IEnumerable<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _items = values.ToArray();
        _byName = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in _items)
        {
            _byName.Add(name, value);
        }
    }

    /// <summary>The values by name.</summary>
    public IReadOnlyDictionary<string, object> Values => _byName;

    /// <summary>The parameter names in space order.</summary>
    public IEnumerable<string> Names => _items.Select(i => i.Key);

    /// <summary>How many parameters are set.</summary>
    public int Count => _items.Length;

    /// <summary>Whether <paramref name="name"/> is set (false for an inactive conditional parameter).</summary>
    public bool Has(string name) => _byName.ContainsKey(name);

    /// <summary>The raw value of <paramref name="name"/>.</summary>
    public object Value(string name) =>
        _byName.TryGetValue(name, out var v) ? v : throw new DlExtArgumentException(name, "(not set in this trial)", Known());

    /// <summary>The value as a real number.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Typed getters read as trial.Double(\"lr\").")]
    public double Double(string name) =>
        ParameterValues.TryNumber(Value(name), out var x) ? x : throw new DlExtArgumentException(name, Text(name), "a numeric parameter");

    /// <summary>The value as an integer (reals must be whole numbers).</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Typed getters read as trial.Int(\"batch_size\").")]
    public int Int(string name) =>
        ParameterValues.TryNumber(Value(name), out var x) && x == Math.Floor(x) && Math.Abs(x) <= int.MaxValue
            ? (int)x
            : throw new DlExtArgumentException(name, Text(name), "an integer parameter");

    /// <summary>The value as text (numbers formatted invariantly).</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Typed getters read as trial.String(\"optimizer\").")]
    public string String(string name) => ParameterValues.Format(Value(name));

    /// <summary>The value as a boolean.</summary>
    public bool Bool(string name) =>
        Value(name) is bool b ? b : throw new DlExtArgumentException(name, Text(name), "a true/false parameter");

    /// <summary>Whether both hold the same names with equal values.</summary>
    public bool SameAs(TrialParameters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Count == Count && _items.All(i => other._byName.TryGetValue(i.Key, out var v) && ParameterValues.AreEqual(v, i.Value));
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", _items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Key}={ParameterValues.Format(i.Value)}")));

    private string Text(string name) => ParameterValues.Format(Value(name));

    private string Known() => _items.Length == 0 ? "a parameter of the trial (it has none)" : "one of " + string.Join(", ", _items.Select(i => i.Key));
}
