namespace Interactive.DlExt.Search;

/// <summary>
/// Makes a parameter active only when an earlier choice parameter (the parent) took one of the given values,
/// e.g. "momentum" only when "optimizer" is momentum, nesterov or rmsprop. Inactive parameters are not sampled
/// and are absent from <see cref="TrialParameters"/>.
/// </summary>
public sealed class ParameterCondition
{
    /// <summary>Creates a condition on <paramref name="parent"/> taking one of <paramref name="values"/>.</summary>
    public ParameterCondition(string parent, IEnumerable<object> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parent);
        ArgumentNullException.ThrowIfNull(values);
        Parent = parent;
        Values = values.Select(v => ParameterValues.Check(v, parent)).ToArray();
        if (Values.Count == 0)
        {
            throw new DlExtArgumentException(parent, "(no values)", "at least one parent value that activates the parameter");
        }
    }

    /// <summary>The name of the parent choice parameter.</summary>
    public string Parent { get; }

    /// <summary>The parent values that activate the parameter.</summary>
    public IReadOnlyList<object> Values { get; }

    /// <summary>Whether the parent was assigned one of <see cref="Values"/>.</summary>
    public bool IsSatisfiedBy(IReadOnlyDictionary<string, object> assigned)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        return assigned.TryGetValue(Parent, out var value) && Values.Any(v => ParameterValues.AreEqual(v, value));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Parent} in {{{string.Join(", ", Values.Select(ParameterValues.Format))}}}";
}
