namespace Interactive.DlExt.Notebook;

/// <summary>One option of a magic command: everything the kernel needs to declare it (name, description,
/// flag or value, completions) and everything the parser needs to check it.</summary>
/// <param name="Name">The option as typed, e.g. "--batch-size".</param>
/// <param name="Description">One sentence shown in completions, hover help and <c>#!dlext</c>.</param>
/// <param name="Kind">What it accepts.</param>
public sealed record MagicOption(string Name, string Description, MagicOptionKind Kind)
{
    /// <summary>The default value as text, shown in help (null: none).</summary>
    public string? Default { get; init; }

    /// <summary>The accepted words for <see cref="MagicOptionKind.Choice"/>, also offered as completions.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>For <see cref="MagicOptionKind.Variable"/> and data options: the types of C# variable the option takes,
    /// offered as completions from the user's variables.</summary>
    public IReadOnlyList<Type> Accepts { get; init; } = [];

    /// <summary>Whether the value may come without the option name (the first bare word), e.g. the MODEL of #!train.</summary>
    public bool Positional { get; init; }

    /// <summary>The smallest accepted value for numbers and integers (inclusive), or null.</summary>
    public double? Minimum { get; init; }

    /// <summary>Whether the minimum itself is excluded (e.g. a learning rate must be &gt; 0).</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>The largest accepted value (exclusive when <see cref="MaximumExclusive"/>), or null.</summary>
    public double? Maximum { get; init; }

    /// <summary>Whether the maximum itself is excluded.</summary>
    public bool MaximumExclusive { get; init; }

    /// <summary>Whether the option is a flag (takes no value).</summary>
    public bool IsFlag => Kind == MagicOptionKind.Flag;

    /// <summary>The property name a kernel binds the value to ("--batch-size" → "BatchSize").</summary>
    public string PropertyName => string.Concat(Name.TrimStart('-').Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>What the option accepts, in words (used in error messages and help).</summary>
    public string AcceptedText()
    {
        var range = RangeText();
        return Kind switch
        {
            MagicOptionKind.WholeNumber => "an integer" + range,
            MagicOptionKind.Number => "a number" + range + " (1e-3 style allowed)",
            MagicOptionKind.Choice => "one of " + string.Join(", ", Allowed),
            MagicOptionKind.Variable => "the name of a C# variable",
            MagicOptionKind.Space => "a value, a comma list (a,b,c) or a range (low..high, low..high:log, low..high:int)",
            MagicOptionKind.List => Allowed.Count > 0 ? "a comma list of " + string.Join(", ", Allowed) : "a comma list of numbers" + range + " (1e-3 style allowed)",
            MagicOptionKind.Flag => "no value (it is a flag)",
            _ => "text",
        };
    }

    private string RangeText() => NumberRange.Text(Minimum, MinimumExclusive, Maximum, MaximumExclusive);

}
