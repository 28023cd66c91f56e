namespace Interactive.DlExt;

/// <summary>How <see cref="CsvReader"/> reads a table of numbers.</summary>
public sealed record CsvOptions
{
    /// <summary>Whether the first line holds column names (skipped). <value>The default is false.</value></summary>
    public bool HasHeader { get; init; }

    /// <summary>The column separator. <value>The default is ','.</value></summary>
    public char Separator { get; init; } = ',';

    /// <summary>The target column: 0-based from the left, or negative to count from the right (−1 = last).
    /// <value>The default is −1, the last column.</value></summary>
    public int LabelColumn { get; init; } = -1;

    /// <summary>Whether the target is a real value (regression, targets [count, 1]) rather than a class index.
    /// <value>The default is false: targets are class indices 0, 1, 2, ….</value></summary>
    public bool Regression { get; init; }

    /// <summary>The number of classes (1 to <see cref="MaxClasses"/>), or 0 to use the largest label + 1.
    /// <value>The default is 0.</value></summary>
    public int ClassCount { get; init; }

    /// <summary>The most classes a CSV data set may have: a class label is an integer from 0 to MaxClasses − 1.</summary>
    public const int MaxClasses = 100_000;

    /// <summary>A name per class, or null for "0", "1", …. <value>The default is null.</value></summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>The data set's display name, or null for the file name without extensions. <value>The default is null.</value></summary>
    public string? Name { get; init; }
}
