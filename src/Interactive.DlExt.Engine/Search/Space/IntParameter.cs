using System.Globalization;
using System.Text.Json;

namespace Interactive.DlExt.Search;

/// <summary>
/// An integer range low, low+step, …, high, optionally on a log scale. Samplers treat it as the real range
/// [low − step/2, high + step/2] rounded to the nearest step, so every value has the same width.
/// </summary>
public sealed class IntParameter : NumericParameter
{
    /// <summary>Creates an integer range; log ranges need <paramref name="low"/> &gt; 0 and a step of 1.</summary>
    public IntParameter(string name, int low, int high, int step = 1, bool isLog = false, ParameterCondition? condition = null)
        : base(name, low, high, isLog, condition)
    {
        var text = $"{Guard.Text(low)}..{Guard.Text(high)}:int";
        if (step < 1)
        {
            throw new DlExtArgumentException(name, text + $" step {Guard.Text(step)}", "a step ≥ 1");
        }

        if (isLog && step != 1)
        {
            throw new DlExtArgumentException(name, text + $":log step {Guard.Text(step)}", "a step of 1 for log integer ranges");
        }

        if ((high - (long)low) % step != 0)
        {
            throw new DlExtArgumentException(name, text + $" step {Guard.Text(step)}", "high − low to be a multiple of the step");
        }

        Step = step;
    }

    /// <summary>The distance between neighbouring values.</summary>
    public int Step { get; }

    /// <summary>How many values the range holds.</summary>
    public int Count => (int)(((long)High - (long)Low) / Step) + 1;

    internal override double InternalLow => IsLog ? Math.Log(Low - 0.5) : Low - (0.5 * Step);

    internal override double InternalHigh => IsLog ? Math.Log(High + 0.5) : High + (0.5 * Step);

    /// <inheritdoc />
    public override string Describe() =>
        Bounds() + ":int" + (IsLog ? ":log" : string.Empty) + (Step != 1 ? ":step=" + Step.ToString(CultureInfo.InvariantCulture) : string.Empty);

    internal override object FromInternal(double x)
    {
        var k = Math.Round((Natural(x) - Low) / Step, MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(Low + (k * Step), Low, High);
    }

    internal override IReadOnlyList<object> GridValues(int pointsPerRange)
    {
        if (Count <= pointsPerRange)
        {
            return Enumerable.Range(0, Count).Select(i => (object)(int)(Low + (i * Step))).ToArray();
        }

        return Spaced(pointsPerRange).Select(FromInternal).Distinct().ToArray();
    }

    internal override SearchParameter WithCondition(ParameterCondition? condition) =>
        new IntParameter(Name, (int)Low, (int)High, Step, IsLog, condition);

    internal override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteNumberValue((int)value);

    internal override object ReadJson(JsonElement element) => element.GetInt32();
}
