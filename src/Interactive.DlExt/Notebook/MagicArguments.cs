using System.Globalization;

namespace Interactive.DlExt.Notebook;

/// <summary>The checked values of one magic invocation, read by option name ("--epochs").</summary>
public sealed class MagicArguments
{
    private readonly Dictionary<string, string> _values;

    internal MagicArguments(MagicSpec spec, Dictionary<string, string> values, string line = "")
    {
        Spec = spec;
        _values = values;
        Line = line.Trim();
    }

    /// <summary>The magic's line as the user wrote it (recorded as the command in run manifests).</summary>
    public string Line { get; }

    /// <summary>The magic these arguments belong to.</summary>
    public MagicSpec Spec { get; }

    /// <summary>The options given, with their raw text ("" for flags).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Whether the option was given.</summary>
    public bool Has(string option) => _values.ContainsKey(Known(option));

    /// <summary>The text of an option, or <paramref name="fallback"/>.</summary>
    public string? Text(string option, string? fallback = null) => _values.TryGetValue(Known(option), out var v) ? v : fallback;

    /// <summary>An integer option, or <paramref name="fallback"/>.</summary>
    public int WholeNumber(string option, int fallback) =>
        _values.TryGetValue(Known(option), out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    /// <summary>An integer option, or null.</summary>
    public int? WholeNumberOrNull(string option) =>
        _values.TryGetValue(Known(option), out var v) ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    /// <summary>A number option, or <paramref name="fallback"/>.</summary>
    public double Number(string option, double fallback) => NumberOrNull(option) ?? fallback;

    /// <summary>A number option, or null.</summary>
    public double? NumberOrNull(string option) =>
        _values.TryGetValue(Known(option), out var v) ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    /// <summary>The items of a list option (checked by the parser), or <paramref name="fallback"/> when it was not given.</summary>
    public IReadOnlyList<string> Items(string option, IReadOnlyList<string> fallback) =>
        _values.TryGetValue(Known(option), out var v) ? v.Split(',', StringSplitOptions.TrimEntries) : fallback;

    /// <summary>The numbers of a list option (checked by the parser), or <paramref name="fallback"/> when it was not given.</summary>
    public IReadOnlyList<double> Numbers(string option, IReadOnlyList<double> fallback) =>
        _values.TryGetValue(Known(option), out var v)
            ? [.. v.Split(',', StringSplitOptions.TrimEntries).Select(item => double.Parse(item, NumberStyles.Float, CultureInfo.InvariantCulture))]
            : fallback;

    /// <summary>Whether a flag was given.</summary>
    public bool Flag(string option) => Has(option);

    private string Known(string option) =>
        Spec.Find(option) is not null ? option : throw new ArgumentException($"{Spec.Name} has no option {option}", nameof(option));
}
