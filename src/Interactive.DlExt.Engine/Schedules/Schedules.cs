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
/// <item><c>linear</c>: end (the rate reached at the end of the run, 0), e.g. <c>linear:end=1e-5</c>.</item>
/// <item><c>cosine</c>: min (0), restart (epochs; none), multiplier (1).</item>
/// <item><c>onecycle</c>: max (the base rate), pct (0.3), div (25), finaldiv (1e4), maxmom and minmom (momentum range,
/// none; giving either cycles the momentum, the other defaulting to 0.95 or 0.85), e.g. <c>onecycle:maxmom=0.95,minmom=0.85</c>.</item>
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
        ["linear"] = ["end"],
        ["cosine"] = ["min", "restart", "multiplier"],
        ["onecycle"] = ["max", "pct", "div", "finaldiv", "maxmom", "minmom"],
        ["plateau"] = ["factor", "patience", "mindelta", "cooldown", "min"],
    };

    /// <summary>The accepted schedule names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["constant", "step", "multistep", "exponential", "linear", "cosine", "onecycle", "plateau"];

    /// <summary>Creates a schedule from <paramref name="specification"/> (see the class summary for the syntax).</summary>
    /// <exception cref="DlExtArgumentException">An unknown name or option (the message lists the accepted ones) or a bad value.</exception>
    public static LearningRateSchedule Parse(string specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var colon = specification.IndexOf(':', StringComparison.Ordinal);
        var name = Known(colon < 0 ? specification : specification[..colon], specification);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        int[]? milestones = null;
        foreach (var pair in colon < 0 ? [] : specification[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? pair : pair[..equals]).Trim().ToLowerInvariant();
            if (equals < 0 || !Accepts(name, key) || values.ContainsKey(key) || (key == "milestones" && milestones is not null))
            {
                throw new DlExtArgumentException("schedule option", $"\"{pair}\"",
                    $"key=value with a key used once, one of {string.Join(", ", [.. Options[name], "warmup"])} for {name}");
            }

            var text = pair[(equals + 1)..].Trim();
            switch (key)
            {
                case "milestones":
                    milestones = Milestones(text);
                    break;
                case "per":
                    values[key] = text.ToLowerInvariant() switch
                    {
                        "epoch" => 0,
                        "step" => 1,
                        _ => throw new DlExtArgumentException("per", $"\"{text}\"", "epoch or step"),
                    };
                    break;
                default:
                    values[key] = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                        ? value
                        : throw new DlExtArgumentException(key, $"\"{text}\"", "a number");
                    break;
            }
        }

        return Build(name, values, milestones);
    }

    /// <summary>Creates the schedule called <paramref name="name"/> with typed options; options left null keep the
    /// defaults listed in the class summary. An option the schedule does not have is rejected rather than ignored.</summary>
    /// <param name="name">One of <see cref="Names"/> (multistep needs <see cref="Parse"/> for its milestones).</param>
    /// <param name="stepSize">step: epochs between decays.</param>
    /// <param name="gamma">step, multistep, exponential: the decay factor γ.</param>
    /// <param name="patience">plateau: epochs without improvement before a reduction.</param>
    /// <param name="warmupSteps">Any schedule: linear warm-up steps, 0 for none.</param>
    /// <param name="maxLearningRate">onecycle: the peak rate (null: the optimizer's base rate).</param>
    /// <param name="minLearningRate">cosine, plateau: the lowest rate.</param>
    /// <exception cref="DlExtArgumentException">An unknown name, an option the schedule does not have, or a bad value.</exception>
    public static LearningRateSchedule Create(string name, int? stepSize = null, double? gamma = null, int? patience = null,
        int warmupSteps = 0, double? maxLearningRate = null, double? minLearningRate = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Known(name, name);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        Put(values, key, "size", "stepSize", stepSize);
        Put(values, key, "gamma", nameof(gamma), gamma);
        Put(values, key, "patience", nameof(patience), patience);
        Put(values, key, "max", nameof(maxLearningRate), maxLearningRate);
        Put(values, key, "min", nameof(minLearningRate), minLearningRate);
        if (warmupSteps != 0)
        {
            values["warmup"] = warmupSteps;
        }

        return Build(key, values, milestones: null);
    }

    /// <summary>Checks a decay factor γ lies in (0, 1].</summary>
    internal static double Gamma(double gamma) =>
        gamma > 0 && gamma <= 1 ? gamma : throw new DlExtArgumentException(nameof(gamma), Guard.Text(gamma), "a number in (0, 1]");

    private static string Known(string name, string given)
    {
        var key = name.Trim().ToLowerInvariant();
        return Options.ContainsKey(key) ? key : throw new DlExtArgumentException("schedule", $"\"{given}\"", "one of " + string.Join(", ", Names));
    }

    private static bool Accepts(string name, string key) => key == "warmup" || Options[name].Contains(key);

    private static void Put(Dictionary<string, double> values, string name, string key, string parameter, double? value)
    {
        if (value is not { } given)
        {
            return;
        }

        if (!Accepts(name, key))
        {
            throw new DlExtArgumentException(parameter, Guard.Text(given), $"no value for the {name} schedule (its options: {string.Join(", ", [.. Options[name], "warmup"])})");
        }

        values[key] = given;
    }

    private static LearningRateSchedule Build(string name, Dictionary<string, double> o, int[]? milestones)
    {
        LearningRateSchedule schedule = name switch
        {
            "step" => new StepDecay(Integer(o, "size", 10), Number(o, "gamma", 0.1)),
            "multistep" => new MultiStepDecay(milestones ?? throw new DlExtArgumentException("milestones", "missing", "epochs separated by '/', e.g. multistep:milestones=30/60"),
                Number(o, "gamma", 0.1)),
            "exponential" => new ExponentialDecay(Number(o, "gamma", 0.95), Number(o, "per", 0) == 1),
            "cosine" => new CosineAnnealing(Number(o, "min", 0), o.ContainsKey("restart") ? Integer(o, "restart", 0) : null, Integer(o, "multiplier", 1)),
            "linear" => new LinearDecay(Number(o, "end", 0)),
            "onecycle" => new OneCycle(o.TryGetValue("max", out var max) ? max : null, Number(o, "pct", 0.3), Number(o, "div", 25), Number(o, "finaldiv", 1e4),
                o.TryGetValue("maxmom", out var maxMomentum) ? maxMomentum : null, o.TryGetValue("minmom", out var minMomentum) ? minMomentum : null),
            "plateau" => new ReduceOnPlateau(Number(o, "factor", 0.1), Integer(o, "patience", 10), Number(o, "mindelta", 1e-4),
                Integer(o, "cooldown", 0), Number(o, "min", 0)),
            _ => new ConstantSchedule(),
        };
        return o.ContainsKey("warmup") ? new LinearWarmup(Integer(o, "warmup", 0), schedule) : schedule;
    }

    private static double Number(Dictionary<string, double> o, string key, double fallback) => o.GetValueOrDefault(key, fallback);

    private static int Integer(Dictionary<string, double> o, string key, int fallback) =>
        !o.TryGetValue(key, out var value) ? fallback
        : value == Math.Floor(value) && Math.Abs(value) <= int.MaxValue ? (int)value
        : throw new DlExtArgumentException(key, Guard.Text(value), "a whole number");

    private static int[] Milestones(string text) =>
        [.. text.Split('/').Select(part => int.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? epoch
            : throw new DlExtArgumentException("milestones", $"\"{text}\"", "whole-number epochs separated by '/', e.g. 30/60"))];
}
