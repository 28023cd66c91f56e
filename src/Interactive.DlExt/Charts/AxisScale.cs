namespace Interactive.DlExt.Charts;

/// <summary>
/// Maps data values to pixels along one axis, linear or base-10 logarithmic, and chooses the ticks:
/// 1-2-5 steps on a linear axis (the domain is widened to whole steps), powers of ten on a log axis
/// (with 2 and 5 between them when the axis spans less than about two decades).
/// </summary>
internal sealed class AxisScale
{
    private readonly double _low;
    private readonly double _high;
    private readonly double _start;
    private readonly double _end;

    private readonly IReadOnlyList<string>? _labels;

    private AxisScale(double low, double high, double start, double end, bool isLog, IReadOnlyList<double> ticks, int decimals, bool exponentLabels, IReadOnlyList<string>? labels = null)
    {
        _labels = labels;
        _low = low;
        _high = high;
        _start = start;
        _end = end;
        IsLog = isLog;
        Ticks = ticks;
        Decimals = decimals;
        ExponentLabels = exponentLabels;
    }

    public bool IsLog { get; }

    /// <summary>Tick values in data units, ascending.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>The domain after widening to nice values, in data units.</summary>
    public double Minimum => IsLog ? Math.Pow(10, _low) : _low;

    public double Maximum => IsLog ? Math.Pow(10, _high) : _high;

    private int Decimals { get; }

    private bool ExponentLabels { get; }

    /// <summary>
    /// Builds a scale over [min, max] (finite; min ≤ max; both &gt; 0 for a log scale) mapped onto
    /// [start, end] pixels. An empty range is widened so a constant series still gets an axis. When
    /// <paramref name="integer"/> (counts: epochs, trial numbers), a linear axis ticks whole numbers only.
    /// </summary>
    public static AxisScale Create(double min, double max, double start, double end, bool log, int targetTicks = 5, bool nice = true, bool integer = false)
    {
        return log ? CreateLog(min, max, start, end) : CreateLinear(min, max, start, end, targetTicks, nice, integer);
    }

    /// <summary>A categorical axis: <paramref name="labels"/>[k] at the value k, half a step of room at each end.</summary>
    public static AxisScale Categorical(IReadOnlyList<string> labels, double start, double end) =>
        new(-0.5, Math.Max(1, labels.Count) - 0.5, start, end, false, [.. Enumerable.Range(0, labels.Count).Select(k => (double)k)], 0, false, labels);

    /// <summary>The pixel position of <paramref name="value"/>; NaN when it cannot be drawn (≤ 0 on a log axis).</summary>
    public double Map(double value)
    {
        if (IsLog)
        {
            if (!(value > 0))
            {
                return double.NaN;
            }

            value = Math.Log10(value);
        }

        var span = _high - _low;
        return _start + ((value - _low) / span * (_end - _start));
    }

    /// <summary>The inverse of <see cref="Map"/>.</summary>
    public double Invert(double pixel)
    {
        var value = _low + ((pixel - _start) / (_end - _start) * (_high - _low));
        return IsLog ? Math.Pow(10, value) : value;
    }

    /// <summary>The tick label for <paramref name="value"/>.</summary>
    public string Format(double value) => _labels is { } labels
        ? (Math.Round(value) is var k && k >= 0 && k < labels.Count ? labels[(int)k] : string.Empty)
        : IsLog
        ? TickFormat.Log(value, ExponentLabels)
        : TickFormat.Linear(value, Decimals);

    private static AxisScale CreateLinear(double min, double max, double start, double end, int targetTicks, bool nice, bool integer)
    {
        if (!integer && max - min <= Math.Abs(max) * 1e-12)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }

        var step = NiceStep((max - min) / Math.Max(1, targetTicks));
        if (integer)
        {
            return CreateInteger(min, max, start, end, Math.Max(1, step));
        }

        var low = nice ? Math.Floor((min / step) + 1e-9) * step : min;
        var high = nice ? Math.Ceiling((max / step) - 1e-9) * step : max;
        var ticks = new List<double>();
        for (var t = Math.Ceiling((low / step) - 1e-9) * step; t <= high + (step * 1e-9); t += step)
        {
            // Snap to the step grid so 0.30000000000000004 reads as 0.3 and -0 as 0.
            var snapped = Math.Round(t / step) * step;
            ticks.Add(snapped == 0 ? 0 : snapped);
        }

        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
        return new AxisScale(low, high, start, end, false, ticks, decimals, false);
    }

    // Counts: half a unit of room at each end, so the first epoch or trial 0 sits off the axis line, and ticks only at whole data values.
    private static AxisScale CreateInteger(double min, double max, double start, double end, double step)
    {
        var ticks = new List<double>();
        for (var t = Math.Ceiling((Math.Ceiling(min - 1e-9) / step) - 1e-9) * step; t <= max + 1e-9; t += step)
        {
            ticks.Add(t == 0 ? 0 : t);
        }

        return new AxisScale(min - 0.5, max + 0.5, start, end, false, ticks, 0, false);
    }

    private static AxisScale CreateLog(double min, double max, double start, double end)
    {
        var low = Math.Floor(Math.Log10(min) + 1e-9);
        var high = Math.Ceiling(Math.Log10(max) - 1e-9);
        if (high <= low)
        {
            high = low + 1;
        }

        var decades = (int)(high - low);
        var ticks = new List<double>();
        var every = Math.Max(1, (int)Math.Ceiling(decades / 6.0));
        for (var e = (int)low; e <= (int)high; e++)
        {
            if ((e - (int)low) % every == 0)
            {
                ticks.Add(Math.Pow(10, e));
            }

            if (decades <= 2 && e < (int)high)
            {
                ticks.Add(2 * Math.Pow(10, e));
                ticks.Add(5 * Math.Pow(10, e));
            }
        }

        // "1e-4" beats "0.0001" once any label would need more than three decimals or digits.
        var exponentLabels = low < -3 || high > 4;
        return new AxisScale(low, high, start, end, true, ticks, 0, exponentLabels);
    }

    /// <summary>The 1, 2 or 5 × 10^k step nearest above <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        var nice = fraction <= 1.0000001 ? 1 : fraction <= 2.0000001 ? 2 : fraction <= 5.0000001 ? 5 : 10;
        return nice * magnitude;
    }
}
