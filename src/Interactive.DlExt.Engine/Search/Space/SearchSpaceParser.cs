using System.Globalization;

namespace Interactive.DlExt.Search;

/// <summary>
/// Parses the value of a search option from a magic command, e.g. <c>--lr 1e-4..1e-1:log</c>:
/// <list type="bullet">
/// <item><c>0.1..0.9</c> a uniform real range; <c>1e-4..1e-1:log</c> log-uniform;</item>
/// <item><c>16..256:int</c> an integer range, <c>16..256:int:log</c> on a log scale, <c>16..256:int:step=16</c> with a step;</item>
/// <item><c>32,64,128</c> or <c>sgd,adam</c> a choice (integers, reals or strings);</item>
/// <item>a single value: fixed.</item>
/// </list>
/// </summary>
public static class SearchSpaceParser
{
    private const string Accepted = "low..high[:log][:int][:step=k], a comma list a,b,c, or a single value";

    /// <summary>Parses one option into a parameter called <paramref name="name"/>.</summary>
    public static SearchParameter ParseOption(string name, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DlExtArgumentException(name, "(empty)", Accepted);
        }

        text = text.Trim();
        return text.Contains("..", StringComparison.Ordinal) ? ParseRange(name, text) : ParseChoice(name, text);
    }

    /// <summary>Parses several options (name → text) into a space, in the given order. A searched optimizer setting
    /// (momentum, β₁, β₂, ρ) next to a list of optimizers becomes conditional: it exists only in trials whose optimizer
    /// uses it (<see cref="Hyperparameter.UsedBy"/>), as a student would declare it in C# with <c>when:</c>.</summary>
    public static SearchSpace Parse(IEnumerable<KeyValuePair<string, string>> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parameters = options.Select(o => ParseOption(o.Key, o.Value)).ToList();
        if (parameters.Find(p => Hyperparameters.Optimizer.IsCalled(p.Name)) is ChoiceParameter optimizers)
        {
            foreach (var setting in Hyperparameters.Sweepable.Where(h => h.UsedBy.Count > 0))
            {
                var index = parameters.FindIndex(p => setting.IsCalled(p.Name) && p.Condition is null);
                var users = optimizers.Values.Where(v => setting.AppliesTo(ParameterValues.Format(v))).ToArray();
                if (index >= 0 && users.Length > 0 && users.Length < optimizers.Values.Count)
                {
                    // The condition's parent must come first in the space.
                    var conditioned = parameters[index].WithCondition(new ParameterCondition(optimizers.Name, users));
                    parameters.RemoveAt(index);
                    parameters.Insert(parameters.IndexOf(optimizers) + 1, conditioned);
                }
            }
        }

        return parameters.Aggregate(SearchSpace.Create(), (space, p) => space.Add(p));
    }

    private static SearchParameter ParseRange(string name, string text)
    {
        var parts = text.Split(':');
        var bounds = parts[0].Split("..");
        if (bounds.Length != 2)
        {
            throw new DlExtArgumentException(name, text, "a range written low..high");
        }

        bool log = false, integer = false;
        var step = 1;
        foreach (var flag in parts.Skip(1).Select(p => p.Trim().ToLowerInvariant()))
        {
            if (flag == "log")
            {
                log = true;
            }
            else if (flag == "int")
            {
                integer = true;
            }
            else if (flag.StartsWith("step=", StringComparison.Ordinal) &&
                     int.TryParse(flag.AsSpan(5), NumberStyles.Integer, CultureInfo.InvariantCulture, out step))
            {
                integer = true;
            }
            else
            {
                throw new DlExtArgumentException(name, text, $"flags :log, :int or :step=k (not :{flag})");
            }
        }

        var low = Number(name, text, bounds[0]);
        var high = Number(name, text, bounds[1]);
        if (!(low < high))
        {
            throw new DlExtArgumentException(name, text, "a range low..high where low must be < high");
        }

        if (log && low <= 0)
        {
            throw new DlExtArgumentException(name, text, "log ranges need low > 0");
        }

        if (!integer)
        {
            return new FloatParameter(name, low, high, log);
        }

        if (low != Math.Floor(low) || high != Math.Floor(high) || Math.Abs(low) > int.MaxValue || Math.Abs(high) > int.MaxValue)
        {
            throw new DlExtArgumentException(name, text, "integer bounds for an :int range");
        }

        try
        {
            return new IntParameter(name, (int)low, (int)high, step, log);
        }
        catch (DlExtArgumentException e)
        {
            throw new DlExtArgumentException(name, text, e.Accepted);
        }
    }

    private static ChoiceParameter ParseChoice(string name, string text)
    {
        var items = text.Split(',').Select(s => s.Trim()).ToArray();
        if (items.Any(s => s.Length == 0))
        {
            throw new DlExtArgumentException(name, text, "a comma list without empty items");
        }

        // All integers → int choice; all numbers → real choice; otherwise the items are names (sgd, adam).
        if (items.All(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            return new ChoiceParameter(name, items.Select(s => (object)int.Parse(s, CultureInfo.InvariantCulture)));
        }

        if (items.All(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return new ChoiceParameter(name, items.Select(s => (object)double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        if (items.All(s => s is "true" or "false"))
        {
            return new ChoiceParameter(name, items.Select(s => (object)(s == "true")));
        }

        return new ChoiceParameter(name, items);
    }

    private static double Number(string name, string text, string item)
    {
        if (double.TryParse(item.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
        {
            return x;
        }

        throw new DlExtArgumentException(name, text, $"numbers in low..high ('{item.Trim()}' is not a number)");
    }
}
