namespace Interactive.DlExt;

/// <summary>Rosenbrock's banana valley, f(x, y) = (1 − x)² + 100(y − x²)²: easy to reach the curved valley, slow to
/// follow it to the minimum 0 at (1, 1).</summary>
public sealed class Rosenbrock : Surface
{
    /// <inheritdoc />
    public override string Name => "rosenbrock";

    /// <inheritdoc />
    public override string Formula => "(1 − x)² + 100(y − x²)²";

    /// <inheritdoc />
    public override SurfaceDomain Domain { get; } = new(-2, 2, -1, 3);

    /// <inheritdoc />
    public override (double X, double Y) Start => (-1.2, 1);

    /// <inheritdoc />
    public override double? MinimumValue => 0;

    /// <inheritdoc />
    public override IReadOnlyList<(double X, double Y)> Minima { get; } = [(1, 1)];

    /// <inheritdoc />
    public override bool SteepWalls => true;

    /// <inheritdoc />
    public override SurfaceValue Evaluate(double x, double y)
    {
        double a = 1 - x, b = y - (x * x);
        return new((a * a) + (100 * b * b), (-2 * a) - (400 * x * b), 200 * b);
    }
}
