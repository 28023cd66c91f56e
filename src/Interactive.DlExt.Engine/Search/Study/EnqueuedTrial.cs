using System.Globalization;

namespace Interactive.DlExt.Search;

/// <summary>
/// A trial's fixed values, given to <see cref="Study.Enqueue(IReadOnlyDictionary{string, object})"/>: checked against the
/// space, typed as the space declares them, and filled in (the values not given) when the trial is claimed.
/// </summary>
internal sealed class EnqueuedTrial
{
    private const ulong FillStream = 0x656e_7175_6575_65; // "enqueue"

    private EnqueuedTrial(IReadOnlyDictionary<string, object> values) => Values = values;

    /// <summary>The fixed values by parameter name (the space's names, values typed as it declares them).</summary>
    public IReadOnlyDictionary<string, object> Values { get; }

    /// <summary>Checks <paramref name="values"/> against <paramref name="space"/>: every name a parameter (or an alias of a training
    /// hyperparameter, as in <see cref="Hyperparameters.Find"/>), every value in its range or among its choices (text is parsed),
    /// and no conditional value whose fixed parent makes it inactive.</summary>
    /// <exception cref="DlExtArgumentException">Names the parameter, the value and what is accepted.</exception>
    public static EnqueuedTrial Check(SearchSpace space, IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(values);
        var typed = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var parameter = Resolve(space, name)
                ?? throw new DlExtArgumentException(name, Text(value), "a parameter of the search space: " + string.Join(", ", space.Parameters.Select(p => p.Name)));
            if (typed.ContainsKey(parameter.Name))
            {
                throw new DlExtArgumentException(name, Text(value), $"each parameter given once ({parameter.Name} is given twice)");
            }

            typed[parameter.Name] = Coerce(parameter, name, value);
        }

        foreach (var parameter in space.Parameters)
        {
            if (parameter.Condition is { } condition && typed.TryGetValue(parameter.Name, out var v) && typed.TryGetValue(condition.Parent, out var parent)
                && !parameter.IsActive(typed))
            {
                throw new DlExtArgumentException(parameter.Name, Text(v), $"a value only when {condition} ({condition.Parent} is {Text(parent)} here)");
            }
        }

        return new EnqueuedTrial(typed);
    }

    /// <summary>Whether <paramref name="trial"/> is one this entry could have produced: every fixed value the trial has is
    /// equal, and every fixed value it lacks belongs to a parameter that is inactive in it.</summary>
    public bool Matches(SearchSpace space, TrialParameters trial)
    {
        foreach (var (name, value) in Values)
        {
            if (trial.Has(name))
            {
                if (!ParameterValues.AreEqual(trial.Value(name), value))
                {
                    return false;
                }
            }
            else if (space.Find(name) is { } p && p.IsActive(trial.Values))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether this entry and <paramref name="other"/> fix the same values.</summary>
    public bool SameAs(EnqueuedTrial other) =>
        other.Values.Count == Values.Count && Values.All(kv => other.Values.TryGetValue(kv.Key, out var v) && ParameterValues.AreEqual(v, kv.Value));

    /// <summary>The trial's parameters: the fixed values, the others from <paramref name="suggest"/> (the strategy, asked only
    /// when some active parameter is not fixed) or, where it has none, drawn uniformly with a generator of the study seed and the trial number.</summary>
    public TrialParameters Fill(SearchSpace space, ulong seed, int number, Func<Suggestion> suggest)
    {
        var missing = false;
        var probe = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var p in space.Parameters)
        {
            if (!p.IsActive(probe))
            {
                continue;
            }

            if (Values.TryGetValue(p.Name, out var v))
            {
                probe[p.Name] = v;
            }
            else
            {
                missing = true;
                break;
            }
        }

        var suggested = missing && suggest() is { Kind: SuggestionKind.Ready, Parameters: { } s } ? s : null;
        var random = RandomSource.Derive(seed ^ FillStream, (ulong)number);
        var assigned = new Dictionary<string, object>(StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<string, object>>();
        foreach (var p in space.Parameters)
        {
            if (!p.IsActive(assigned))
            {
                continue;
            }

            var value = Values.TryGetValue(p.Name, out var v) ? v
                : suggested is not null && suggested.Has(p.Name) ? suggested.Value(p.Name)
                : p.Sample(random);
            assigned[p.Name] = value;
            ordered.Add(new(p.Name, value));
        }

        return new TrialParameters(ordered);
    }

    private static SearchParameter? Resolve(SearchSpace space, string name) =>
        space.Find(name) ?? space.Find(name.Trim())
        ?? ((Hyperparameters.Find(name.Trim()) ?? Hyperparameters.Find(name.Trim().Replace('-', '_'))) is { } h ? space.Find(h.SearchName) : null);

    private static object Coerce(SearchParameter parameter, string given, object value)
    {
        switch (parameter)
        {
            case ChoiceParameter choice:
                {
                    var index = choice.IndexOf(value);
                    if (index < 0 && value is string text)
                    {
                        var t = text.Trim();
                        index = Enumerable.Range(0, choice.Values.Count).FirstOrDefault(
                            i => ParameterValues.Format(choice.Values[i]) == t
                                || (ParameterValues.TryNumber(choice.Values[i], out var x) && TryParse(t, out var y) && x.Equals(y)),
                            -1);
                    }

                    return index >= 0 ? choice.Values[index] : throw new DlExtArgumentException(given, Text(value), "one of " + choice.Describe());
                }

            case NumericParameter numeric:
                {
                    var ok = value is string s ? TryParse(s.Trim(), out var x) : ParameterValues.TryNumber(value, out x);
                    if (!ok || !double.IsFinite(x) || x < numeric.Low || x > numeric.High)
                    {
                        throw new DlExtArgumentException(given, Text(value), Accepted(numeric));
                    }

                    if (numeric is IntParameter integer)
                    {
                        if (x != Math.Floor(x) || (x - integer.Low) % integer.Step != 0)
                        {
                            throw new DlExtArgumentException(given, Text(value), Accepted(numeric));
                        }

                        return (int)x;
                    }

                    return x;
                }

            default:
                throw new DlExtArgumentException(given, Text(value), "a parameter of a known kind");
        }
    }

    private static string Accepted(NumericParameter p) => p switch
    {
        IntParameter { Step: > 1 } i => string.Create(CultureInfo.InvariantCulture, $"an integer in {NumberText.General(i.Low)}..{NumberText.General(i.High)} in steps of {i.Step} ({i.Describe()})"),
        IntParameter i => string.Create(CultureInfo.InvariantCulture, $"an integer in {NumberText.General(i.Low)}..{NumberText.General(i.High)} ({i.Describe()})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"a number in {NumberText.General(p.Low)}..{NumberText.General(p.High)} ({p.Describe()})"),
    };

    private static bool TryParse(string text, out double x) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out x);

    private static string Text(object? value) => value is null ? "null" : ParameterValues.Format(value);
}
