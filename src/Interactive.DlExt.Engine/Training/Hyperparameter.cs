namespace Interactive.DlExt;

/// <summary>
/// Everything said about one training hyperparameter, written once: its name and spellings, its option, its kind,
/// default and range, which optimizers take it and what it means. The magics, the <c>dlext</c> command, the help
/// text, the sweep's parameter names and the checks of <see cref="Optimizers.Create"/> all read it from
/// <see cref="Hyperparameters"/>.
/// </summary>
public sealed record Hyperparameter
{
    /// <summary>The name a sweep's search space and a trial's parameters use, e.g. "learning_rate".</summary>
    public required string Name { get; init; }

    /// <summary>Other accepted spellings of <see cref="Name"/> in a search space, e.g. "lr".</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The command-line and magic option, e.g. "--lr".</summary>
    public required string Option { get; init; }

    /// <summary>What kind of value it takes.</summary>
    public required HyperparameterKind Kind { get; init; }

    /// <summary>What it means, in one sentence.</summary>
    public required string Description { get; init; }

    /// <summary>The default of a number, or null where there is none (or it depends, see <see cref="DefaultText"/>).</summary>
    public double? Default { get; init; }

    /// <summary>The default of a choice or text (e.g. "adam"), or null.</summary>
    public string? DefaultName { get; init; }

    /// <summary>The default in words where a number does not say it (e.g. "all cores").</summary>
    public string? DefaultText { get; init; }

    /// <summary>Defaults that differ for one optimizer (adamw's weight decay 0.01), by optimizer name.</summary>
    public IReadOnlyDictionary<string, double> OptimizerDefaults { get; init; } = new Dictionary<string, double>();

    /// <summary>The smallest accepted value, or null.</summary>
    public double? Minimum { get; init; }

    /// <summary>Whether <see cref="Minimum"/> itself is refused.</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>The largest accepted value, or null.</summary>
    public double? Maximum { get; init; }

    /// <summary>Whether <see cref="Maximum"/> itself is refused.</summary>
    public bool MaximumExclusive { get; init; }

    /// <summary>The accepted names of a choice.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The optimizers that take it, or empty when it does not belong to an optimizer (or all take it).</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = [];

    /// <summary>Whether a sweep can search it.</summary>
    public bool Sweepable { get; init; }

    /// <summary>The name the magics and the CLI give it in a sweep's space and views: its shortest spelling ("lr").</summary>
    public string SearchName => Aliases.Prepend(Name).MinBy(n => n.Length)!;

    /// <summary>Whether <paramref name="name"/> is <see cref="Name"/> or one of <see cref="Aliases"/>.</summary>
    public bool IsCalled(string name) => name == Name || Aliases.Contains(name);

    /// <summary>Whether <paramref name="optimizer"/> takes this setting.</summary>
    public bool AppliesTo(string optimizer) => UsedBy.Count == 0 || UsedBy.Contains(optimizer.Trim().ToLowerInvariant());

    /// <summary>The default for <paramref name="optimizer"/>: its own where it has one, else <see cref="Default"/>.</summary>
    public double? DefaultFor(string optimizer) =>
        OptimizerDefaults.TryGetValue(optimizer.Trim().ToLowerInvariant(), out var own) ? own : Default;

    /// <summary>The default as help shows it, e.g. "0.001", "all cores", "0 (0.01 for adamw)".</summary>
    public string? DefaultDisplay => DefaultText ?? DefaultName ?? (Default is { } d
        ? Format(d) + (OptimizerDefaults.Count == 0 ? string.Empty
            : " (" + string.Join(", ", OptimizerDefaults.Select(o => $"{Format(o.Value)} for {o.Key}")) + ")")
        : null);

    /// <summary>What it accepts, in words, e.g. "a number > 0", "an integer ≥ 1 and ≤ 256", "one of sgd, adam".</summary>
    public string Accepted => Kind switch
    {
        HyperparameterKind.WholeNumber => "an integer" + RangeText,
        HyperparameterKind.Number => "a number" + RangeText,
        HyperparameterKind.Choice => "one of " + string.Join(", ", Choices),
        _ => "text",
    };

    /// <summary>" > 0", " ≥ 0 and &lt; 1", or empty: the range in the words of <see cref="Accepted"/>.</summary>
    public string RangeText => NumberRange.Text(Minimum, MinimumExclusive, Maximum, MaximumExclusive);

    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    public bool InRange(double value) =>
        NumberRange.Contains(value, Minimum, MinimumExclusive, Maximum, MaximumExclusive)
        && (Kind != HyperparameterKind.WholeNumber || value == Math.Floor(value));

    /// <summary>Returns <paramref name="value"/> if it is in range, else throws naming <paramref name="name"/>
    /// (default: <see cref="Name"/>), the value and <see cref="Accepted"/>.</summary>
    /// <exception cref="DlExtArgumentException">The value is out of range.</exception>
    public double Check(double value, string? name = null) =>
        InRange(value) ? value : throw new DlExtArgumentException(name ?? Name, Format(value), Accepted);

    /// <summary>Throws when <paramref name="optimizer"/> does not take this setting, naming the ones that do.</summary>
    /// <exception cref="DlExtArgumentException">The optimizer does not use it.</exception>
    public void CheckUsedBy(string optimizer, double value, string? name = null)
    {
        if (!AppliesTo(optimizer))
        {
            throw new DlExtArgumentException(name ?? Name, Format(value),
                $"no value for {optimizer.Trim().ToLowerInvariant()} (only {string.Join(" and ", UsedBy)} use {name ?? Name})");
        }
    }

    private static string Format(double value) => NumberText.General(value);
}
