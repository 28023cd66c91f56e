using System.Text.Json;

namespace Interactive.DlExt.Search;

/// <summary>A real range: <c>Uniform(low, high)</c>, or <c>LogUniform(low, high)</c> sampled uniformly in log(x).</summary>
public sealed class FloatParameter : NumericParameter
{
    /// <summary>Creates a real range; log ranges need <paramref name="low"/> &gt; 0.</summary>
    public FloatParameter(string name, double low, double high, bool isLog = false, ParameterCondition? condition = null)
        : base(name, low, high, isLog, condition)
    {
    }

    internal override double InternalLow => IsLog ? Math.Log(Low) : Low;

    internal override double InternalHigh => IsLog ? Math.Log(High) : High;

    /// <inheritdoc />
    public override string Describe() => IsLog ? Bounds() + ":log" : Bounds();

    internal override object FromInternal(double x) => Math.Clamp(Natural(x), Low, High);

    internal override IReadOnlyList<object> GridValues(int pointsPerRange) =>
        Spaced(pointsPerRange).Select(FromInternal).Distinct().ToArray();

    internal override SearchParameter WithCondition(ParameterCondition? condition) =>
        new FloatParameter(Name, Low, High, IsLog, condition);

    internal override void WriteJson(Utf8JsonWriter writer, object value) => writer.WriteNumberValue((double)value);

    internal override object ReadJson(JsonElement element) => element.GetDouble();
}
