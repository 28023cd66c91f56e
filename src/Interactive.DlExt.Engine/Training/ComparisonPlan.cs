using Interactive.DlExt.Search;

namespace Interactive.DlExt;

/// <summary>
/// Which runs <see cref="RunComparer.Train"/> trains: one per value of ONE hyperparameter (batch size 32,64,128; optimizer
/// sgd,momentum,adam; lr 0.01,0.1,0.4; momentum 0,0.6,0.9), everything else as the base options say, with the same seed.
/// </summary>
public sealed record ComparisonPlan
{
    /// <summary>Plans one run per value of <paramref name="varied"/>.</summary>
    /// <param name="varied">One of <see cref="Comparable"/>.</param>
    /// <param name="values">At least two distinct values in its range (numbers, or names for the optimizer and schedule).</param>
    /// <exception cref="DlExtArgumentException">A hyperparameter that cannot be compared, fewer than two values or one out of range.</exception>
    public ComparisonPlan(Hyperparameter varied, IEnumerable<object> values)
    {
        ArgumentNullException.ThrowIfNull(varied);
        ArgumentNullException.ThrowIfNull(values);
        if (!Comparable.Contains(varied))
        {
            throw new DlExtArgumentException("compared hyperparameter", varied.Name, "one of " + string.Join(", ", Comparable.Select(h => h.Name)));
        }

        var choice = new ChoiceParameter(varied.SearchName, values); // distinct, non-empty, one type
        if (choice.Values.Count < 2)
        {
            throw new DlExtArgumentException(varied.Option, choice.Describe(), "at least two values, e.g. " + Example(varied));
        }

        foreach (var value in choice.Values)
        {
            Check(varied, value);
        }

        Varied = varied;
        Values = choice.Values;
    }

    /// <summary>The hyperparameters a comparison can vary: those a sweep can search.</summary>
    public static IReadOnlyList<Hyperparameter> Comparable => Hyperparameters.Sweepable;

    /// <summary>The hyperparameter that differs between the runs.</summary>
    public Hyperparameter Varied { get; }

    /// <summary>Its values, one run each, in order.</summary>
    public IReadOnlyList<object> Values { get; }

    /// <summary>Scale the learning rate linearly with the batch size (lr = base lr × batch / <see cref="ReferenceBatchSize"/>,
    /// Goyal et al. 2017); only when the batch size is varied.</summary>
    /// <value>The default is false.</value>
    public bool ScaleLearningRate { get; init; }

    /// <summary>The batch size that keeps the base learning rate when <see cref="ScaleLearningRate"/>; null means the first value.</summary>
    /// <value>The default is null.</value>
    public int? ReferenceBatchSize { get; init; }

    /// <summary>The batch size the learning rate is scaled from (<see cref="ReferenceBatchSize"/>, else the first value), or
    /// null when <see cref="ScaleLearningRate"/> is off.</summary>
    public int? ScalingReference => ScaleLearningRate
        ? ReferenceBatchSize ?? Convert.ToInt32(Values[0], System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>Whether <paramref name="text"/> for <paramref name="h"/> is a list of several values: separated by ';' for
    /// schedules (whose own settings use commas, as in #!schedules), by ',' otherwise.</summary>
    public static bool IsList(Hyperparameter h, string text)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(h == Hyperparameters.Schedule ? ';' : ',', StringComparison.Ordinal);
    }

    /// <summary>Parses a comma list (for schedules a ';' list) of values for the hyperparameter called <paramref name="name"/> (a name, alias or option:
    /// "batch_size", "lr", "--momentum"), with <see cref="SearchSpaceParser"/>'s syntax for lists.</summary>
    /// <exception cref="DlExtArgumentException">An unknown name, a range instead of a list, or a bad value; the error names <paramref name="name"/>.</exception>
    public static ComparisonPlan Parse(string name, string values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        var h = Hyperparameters.Find(name);
        if (h is null || !Comparable.Contains(h))
        {
            throw new DlExtArgumentException(name, values, "a list of values of one of " + string.Join(", ", Comparable.Select(c => c.Option)));
        }

        try
        {
            if (h == Hyperparameters.Schedule)
            {
                return new ComparisonPlan(h, values.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            return SearchSpaceParser.ParseOption(h.SearchName, values) is ChoiceParameter choice
                ? new ComparisonPlan(h, choice.Values)
                : throw new DlExtArgumentException(name, values, "a comma list of values, e.g. " + Example(h) + " (a range low..high is for a sweep)");
        }
        catch (DlExtArgumentException e) when (e.ParamName != name)
        {
            throw new DlExtArgumentException(name, e.Value, e.Accepted);
        }
    }

    /// <summary>The learning rate of the run with <paramref name="batchSize"/>: <paramref name="baseLearningRate"/> × batch / reference.</summary>
    public double ScaledLearningRate(double baseLearningRate, int batchSize) =>
        baseLearningRate * batchSize / (ReferenceBatchSize ?? Convert.ToInt32(Values[0], System.Globalization.CultureInfo.InvariantCulture));

    private static void Check(Hyperparameter h, object value)
    {
        switch (h.Kind)
        {
            case HyperparameterKind.Number or HyperparameterKind.WholeNumber:
                if (!ParameterValues.TryNumber(value, out var x))
                {
                    throw new DlExtArgumentException(h.Option, ParameterValues.Format(value), h.Accepted);
                }

                h.Check(x, h.Option);
                break;
            case HyperparameterKind.Choice when !h.Choices.Contains(ParameterValues.Format(value).Trim().ToLowerInvariant()):
                throw new DlExtArgumentException(h.Option, ParameterValues.Format(value), h.Accepted);
            case HyperparameterKind.Text when h == Hyperparameters.Schedule:
                Schedules.Parse(ParameterValues.Format(value)); // refuses a bad schedule before any run
                break;
        }
    }

    private static string Example(Hyperparameter h) => h == Hyperparameters.Optimizer ? "sgd,momentum,adam"
        : h == Hyperparameters.BatchSize ? "32,64,128"
        : h == Hyperparameters.Schedule ? "constant;cosine"
        : h.Kind == HyperparameterKind.WholeNumber ? "5,10" : "0.01,0.1";
}
