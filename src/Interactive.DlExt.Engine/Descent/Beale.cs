namespace Interactive.DlExt;

/// <summary>Beale's function, f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: flat plateaus and
/// steep corners (values from 0 to about 10⁵), minimum 0 at (3, 0.5).</summary>
public sealed class Beale : Surface
{
    /// <inheritdoc />
    public override string Name => "beale";

    /// <inheritdoc />
    public override string Formula => "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²";

    /// <inheritdoc />
    public override SurfaceDomain Domain { get; } = new(-4.5, 4.5, -4.5, 4.5);

    /// <inheritdoc />
    public override (double X, double Y) Start => (1, 1.5);

    /// <inheritdoc />
    public override double? MinimumValue => 0;

    /// <inheritdoc />
    public override IReadOnlyList<(double X, double Y)> Minima { get; } = [(3, 0.5)];

    /// <inheritdoc />
    public override bool SteepWalls => true;

    /// <inheritdoc />
    public override SurfaceValue Evaluate(double x, double y)
    {
        double y2 = y * y, y3 = y2 * y;
        double a = 1.5 - x + (x * y), b = 2.25 - x + (x * y2), c = 2.625 - x + (x * y3);
        var dx = 2 * ((a * (y - 1)) + (b * (y2 - 1)) + (c * (y3 - 1)));
        var dy = 2 * ((a * x) + (b * 2 * x * y) + (c * 3 * x * y2));
        return new((a * a) + (b * b) + (c * c), dx, dy);
    }
}
