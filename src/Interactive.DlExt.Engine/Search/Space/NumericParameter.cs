namespace Interactive.DlExt.Search;

/// <summary>
/// A real or integer range. Strategies work in an internal coordinate: the value itself, or its natural
/// logarithm for log ranges, so that "1e-4..1e-1:log" is searched evenly per decade.
/// </summary>
public abstract class NumericParameter : SearchParameter
{
    private protected NumericParameter(string name, double low, double high, bool isLog, ParameterCondition? condition)
        : base(name, condition)
    {
        var text = $"{Guard.Text(low)}..{Guard.Text(high)}";
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new DlExtArgumentException(name, text, "finite bounds");
        }

        if (!(low < high))
        {
            throw new DlExtArgumentException(name, text, "a range low..high where low must be < high");
        }

        if (isLog && low <= 0)
        {
            throw new DlExtArgumentException(name, text + ":log", "log ranges need low > 0");
        }

        Low = low;
        High = high;
        IsLog = isLog;
    }

    /// <summary>The smallest value.</summary>
    public double Low { get; }

    /// <summary>The largest value.</summary>
    public double High { get; }

    /// <summary>Whether the range is searched on a logarithmic scale.</summary>
    public bool IsLog { get; }

    /// <summary>The lower edge of the sampling domain in internal coordinates.</summary>
    internal abstract double InternalLow { get; }

    /// <summary>The upper edge of the sampling domain in internal coordinates.</summary>
    internal abstract double InternalHigh { get; }

    /// <summary>Maps a value to internal coordinates (log for log ranges).</summary>
    internal double ToInternal(object value) =>
        ParameterValues.TryNumber(value, out var x) ? (IsLog ? Math.Log(x) : x) : throw new InvalidOperationException($"{Name}: {value} is not a number");

    /// <summary>Maps an internal coordinate back to a valid value (rounded to the step for integers, clamped).</summary>
    internal abstract object FromInternal(double x);

    /// <summary>An internal coordinate back in natural units, without rounding (for boxes on charts).</summary>
    internal double Natural(double x) => IsLog ? Math.Exp(x) : x;

    internal override object Sample(RandomSource random) =>
        FromInternal(InternalLow + (random.NextDouble() * (InternalHigh - InternalLow)));

    /// <summary>Evenly spaced points in internal coordinates from low to high, both included.</summary>
    internal IEnumerable<double> Spaced(int points)
    {
        var a = IsLog ? Math.Log(Low) : Low;
        var b = IsLog ? Math.Log(High) : High;
        if (points == 1)
        {
            yield return (a + b) / 2;
            yield break;
        }

        for (var i = 0; i < points; i++)
        {
            yield return i == points - 1 ? b : a + ((b - a) * i / (points - 1));
        }
    }

    private protected string Bounds() =>
        $"{NumberText.General(Low)}..{NumberText.General(High)}";
}
