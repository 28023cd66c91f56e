using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// Creates schedules from short text (for notebook magics and command lines):
/// <c>name</c> or <c>name:key=value,key=value</c>, e.g. <c>cosine</c>, <c>step:size=10,gamma=0.5</c>,
/// <c>onecycle:max=0.1</c>, <c>cosine:min=1e-5,warmup=500</c>. Every schedule accepts <c>warmup=W</c> (steps), which
/// wraps it in a <see cref="LinearWarmup"/>. Options and defaults per name:
/// <list type="bullet">
/// <item><c>constant</c>: none.</item>
/// <item><c>step</c>: size (epochs, 10), gamma (0.1).</item>
/// <item><c>multistep</c>: milestones (epochs separated by '/', required, e.g. 30/60), gamma (0.1).</item>
/// <item><c>exponential</c>: gamma (0.95), per (epoch or step; epoch).</item>
/// <item><c>cosine</c>: min (0), restart (epochs; none), multiplier (1).</item>
/// <item><c>onecycle</c>: max (the base rate), pct (0.3), div (25), finaldiv (1e4).</item>
/// <item><c>plateau</c>: factor (0.1), patience (10), mindelta (1e-4), cooldown (0), min (0).</item>
/// </list>
/// </summary>
public static class Schedules
{
    private static readonly Dictionary<string, string[]> Options = new(StringComparer.Ordinal)
    {
        ["constant"] = [],
        ["step"] = ["size", "gamma"],
        ["multistep"] = ["milestones", "gamma"],
        ["exponential"] = ["gamma", "per"],
        ["cosine"] = ["min", "restart", "multiplier"],
        ["onecycle"] = ["max", "pct", "div", "finaldiv"],
        ["plateau"] = ["factor", "patience", "mindelta", "cooldown", "min"],
    };

    /// <summary>The accepted schedule names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["constant", "step", "multistep", "exponential", "cosine", "onecycle", "plateau"];

    /// <summary>Creates a schedule from <paramref name="specification"/> (see the class summary for the syntax).</summary>
    /// <exception cref="DlExtArgumentException">An unknown name or option (the message lists the accepted ones) or a bad value.</exception>
    public static LearningRateSchedule Parse(string specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var colon = specification.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? specification : specification[..colon]).Trim().ToLowerInvariant();
        if (!Options.TryGetValue(name, out var accepted))
        {
            throw new DlExtArgumentException("schedule", $"\"{specification}\"", "one of " + string.Join(", ", Names));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in colon < 0 ? [] : specification[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? pair : pair[..equals]).Trim().ToLowerInvariant();
            if (equals < 0 || (key != "warmup" && !accepted.Contains(key)) || values.ContainsKey(key))
            {
                throw new DlExtArgumentException("schedule option", $"\"{pair}\"",
                    $"key=value with a key used once, one of {string.Join(", ", [.. accepted, "warmup"])} for {name}");
            }

            values[key] = pair[(equals + 1)..].Trim();
        }

        var schedule = Create(name, values);
        return values.ContainsKey("warmup") ? new LinearWarmup(Integer(values, "warmup", 0), schedule) : schedule;
    }

    /// <summary>Checks a decay factor γ lies in (0, 1].</summary>
    internal static double Gamma(double gamma) =>
        gamma > 0 && gamma <= 1 ? gamma : throw new DlExtArgumentException(nameof(gamma), Guard.Text(gamma), "a number in (0, 1]");

    private static LearningRateSchedule Create(string name, Dictionary<string, string> o) => name switch
    {
        "step" => new StepDecay(Integer(o, "size", 10), Number(o, "gamma", 0.1)),
        "multistep" => new MultiStepDecay(Milestones(o), Number(o, "gamma", 0.1)),
        "exponential" => new ExponentialDecay(Number(o, "gamma", 0.95), Per(o)),
        "cosine" => new CosineAnnealing(Number(o, "min", 0), o.ContainsKey("restart") ? Integer(o, "restart", 0) : null, Integer(o, "multiplier", 1)),
        "onecycle" => new OneCycle(o.ContainsKey("max") ? Number(o, "max", 0) : null, Number(o, "pct", 0.3), Number(o, "div", 25), Number(o, "finaldiv", 1e4)),
        "plateau" => new ReduceOnPlateau(Number(o, "factor", 0.1), Integer(o, "patience", 10), Number(o, "mindelta", 1e-4),
            Integer(o, "cooldown", 0), Number(o, "min", 0)),
        _ => new ConstantSchedule(),
    };

    private static double Number(Dictionary<string, string> o, string key, double fallback) =>
        !o.TryGetValue(key, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw new DlExtArgumentException(key, $"\"{text}\"", "a number");

    private static int Integer(Dictionary<string, string> o, string key, int fallback) =>
        !o.TryGetValue(key, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new DlExtArgumentException(key, $"\"{text}\"", "a whole number");

    private static bool Per(Dictionary<string, string> o) =>
        !o.TryGetValue("per", out var text) ? false
        : text.ToLowerInvariant() switch
        {
            "epoch" => false,
            "step" => true,
            _ => throw new DlExtArgumentException("per", $"\"{text}\"", "epoch or step"),
        };

    private static int[] Milestones(Dictionary<string, string> o)
    {
        if (!o.TryGetValue("milestones", out var text))
        {
            throw new DlExtArgumentException("milestones", "missing", "epochs separated by '/', e.g. milestones=30/60");
        }

        return [.. text.Split('/').Select(part => int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? epoch
            : throw new DlExtArgumentException("milestones", $"\"{text}\"", "whole-number epochs separated by '/', e.g. 30/60"))];
    }
}
