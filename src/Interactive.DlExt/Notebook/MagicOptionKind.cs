namespace Interactive.DlExt.Notebook;

/// <summary>What an option of a magic command accepts.</summary>
public enum MagicOptionKind
{
    /// <summary>Free text (quotes allowed).</summary>
    Text,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A number; scientific notation such as 1e-3 is accepted.</summary>
    Number,

    /// <summary>Present or absent; takes no value.</summary>
    Flag,

    /// <summary>One of a fixed list of words.</summary>
    Choice,

    /// <summary>The name of a C# variable in the notebook.</summary>
    Variable,

    /// <summary>A search-space expression: a value, a comma list, or a range such as 1e-4..1e-1:log.</summary>
    Space,

    /// <summary>A comma list of values (a,b,c), each checked as a single value of the option would be: one of
    /// <see cref="MagicOption.Allowed"/> when it has words, else a number in the option's range.</summary>
    List,
}
