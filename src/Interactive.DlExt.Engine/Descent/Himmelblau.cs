namespace Interactive.DlExt;

/// <summary>Himmelblau's function, f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four minima of value 0, so where a run
/// ends depends on where it starts and how it steps.</summary>
public sealed class Himmelblau : Surface
{
    /// <inheritdoc />
    public override string Name => "himmelblau";

    /// <inheritdoc />
    public override string Formula => "(x² + y − 11)² + (x + y² − 7)²";

    /// <inheritdoc />
    public override SurfaceDomain Domain { get; } = new(-5, 5, -5, 5);

    /// <inheritdoc />
    public override (double X, double Y) Start => (0, 0);

    /// <inheritdoc />
    public override double? MinimumValue => 0;

    /// <inheritdoc />
    public override IReadOnlyList<(double X, double Y)> Minima { get; } =
        [(3, 2), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)];

    /// <inheritdoc />
    public override bool SteepWalls => true;

    /// <inheritdoc />
    public override SurfaceValue Evaluate(double x, double y)
    {
        double a = (x * x) + y - 11, b = x + (y * y) - 7;
        return new((a * a) + (b * b), (4 * x * a) + (2 * b), (2 * a) + (4 * y * b));
    }
}
