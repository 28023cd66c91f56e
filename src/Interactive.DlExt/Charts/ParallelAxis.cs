namespace Interactive.DlExt.Charts;

/// <summary>How a <see cref="ParallelAxis"/> places its values.</summary>
public enum ParallelAxisKind
{
    /// <summary>Evenly spaced numbers.</summary>
    Linear,

    /// <summary>Base-10 logarithmic numbers (e.g. learning rates); values ≤ 0 are left out of the line.</summary>
    Log,

    /// <summary>Named choices (e.g. the optimizer), evenly spaced bottom to top in <see cref="ParallelAxis.CategoryOrder"/>, or in order of first appearance.</summary>
    Categorical,
}

/// <summary>One vertical axis of a <see cref="ParallelCoordinates"/> chart: a hyperparameter with one value per trial.</summary>
/// <param name="Name">The axis title, e.g. "learning rate".</param>
public sealed record ParallelAxis(string Name)
{
    /// <summary>How the values are placed.</summary>
    /// <value>The default is <see cref="ParallelAxisKind.Linear"/>.</value>
    public ParallelAxisKind Kind { get; init; }

    /// <summary>The numeric value per trial, for linear and log axes.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>The choice per trial, for a categorical axis.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The choices bottom to top (e.g. a choice parameter's values, numbers in numeric order); choices not listed follow in order of first appearance.</summary>
    /// <value>The default is <see langword="null"/>: order of first appearance.</value>
    public IReadOnlyList<string>? CategoryOrder { get; init; }

    /// <summary>A linear or log axis over numbers.</summary>
    /// <param name="name">The axis title.</param>
    /// <param name="values">One value per trial.</param>
    /// <param name="log">Whether the axis is logarithmic.</param>
    public static ParallelAxis Numeric(string name, IReadOnlyList<double> values, bool log = false) =>
        new(name) { Values = values, Kind = log ? ParallelAxisKind.Log : ParallelAxisKind.Linear };

    /// <summary>A categorical axis.</summary>
    /// <param name="name">The axis title.</param>
    /// <param name="categories">One choice per trial.</param>
    /// <param name="order">The choices bottom to top; <see langword="null"/> for order of first appearance.</param>
    public static ParallelAxis Categorical(string name, IReadOnlyList<string> categories, IReadOnlyList<string>? order = null) =>
        new(name) { Categories = categories, Kind = ParallelAxisKind.Categorical, CategoryOrder = order };
}
