using System.Globalization;

namespace Interactive.DlExt.Search;

/// <summary>The part of one parameter's range a coarse-to-fine round samples from.</summary>
public sealed class ParameterBox
{
    internal ParameterBox(SearchParameter parameter, double internalLow, double internalHigh, IReadOnlyList<object> values)
    {
        Parameter = parameter;
        InternalLow = internalLow;
        InternalHigh = internalHigh;
        Values = values;
        if (parameter is NumericParameter n)
        {
            Low = n is IntParameter ? ParameterValues(n.FromInternal(internalLow)) : n.Natural(internalLow);
            High = n is IntParameter ? ParameterValues(n.FromInternal(internalHigh)) : n.Natural(internalHigh);
        }
        else
        {
            Low = High = double.NaN;
        }
    }

    /// <summary>The parameter.</summary>
    public SearchParameter Parameter { get; }

    /// <summary>Whether the box is a set of choice values rather than an interval.</summary>
    public bool IsCategorical => Parameter is ChoiceParameter;

    /// <summary>The lower edge in the parameter's units (NaN for a choice).</summary>
    public double Low { get; }

    /// <summary>The upper edge in the parameter's units (NaN for a choice).</summary>
    public double High { get; }

    /// <summary>The choice values still searched (empty for a range).</summary>
    public IReadOnlyList<object> Values { get; }

    internal double InternalLow { get; }

    internal double InternalHigh { get; }

    /// <inheritdoc />
    public override string ToString() => IsCategorical
        ? $"{Parameter.Name} in {{{string.Join(", ", Values.Select(Search.ParameterValues.Format))}}}"
        : string.Create(CultureInfo.InvariantCulture, $"{Parameter.Name} in [{NumberText.General(Low, 4)}, {NumberText.General(High, 4)}]");

    private static double ParameterValues(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
