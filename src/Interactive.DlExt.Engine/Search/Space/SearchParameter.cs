using System.Text.Json;

namespace Interactive.DlExt.Search;

/// <summary>One dimension of a <see cref="SearchSpace"/>: a choice, a real range or an integer range.</summary>
public abstract class SearchParameter
{
    private protected SearchParameter(string name, ParameterCondition? condition)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DlExtArgumentException("name", name ?? "null", "a non-empty parameter name");
        }

        Name = name;
        Condition = condition;
    }

    /// <summary>The parameter name, e.g. "lr".</summary>
    public string Name { get; }

    /// <summary>When set, the parameter is active only for some values of a parent choice.</summary>
    public ParameterCondition? Condition { get; }

    /// <summary>The range or values in the magic-command syntax, e.g. "0.0001..0.1:log" or "sgd,adam".</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() =>
        Condition is null ? $"{Name} = {Describe()}" : $"{Name} = {Describe()} when {Condition}";

    /// <summary>Whether the parameter is active given the values already assigned to earlier parameters.</summary>
    internal bool IsActive(IReadOnlyDictionary<string, object> assigned) => Condition?.IsSatisfiedBy(assigned) ?? true;

    /// <summary>A uniform draw over the whole range (log-uniform for log ranges).</summary>
    internal abstract object Sample(RandomSource random);

    /// <summary>The values a grid search visits.</summary>
    internal abstract IReadOnlyList<object> GridValues(int pointsPerRange);

    /// <summary>The same parameter with another condition (used by the builder's <c>when:</c>).</summary>
    internal abstract SearchParameter WithCondition(ParameterCondition? condition);

    internal abstract void WriteJson(Utf8JsonWriter writer, object value);

    internal abstract object ReadJson(JsonElement element);
}
