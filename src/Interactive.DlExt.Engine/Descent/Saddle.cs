namespace Interactive.DlExt;

/// <summary>A saddle, f(x, y) = x² − y²: a minimum along x and a maximum along y at the origin, where the gradient
/// vanishes. A run that starts on the ridge (y = 0) stalls there; any other one slides off along y, unbounded below.</summary>
public sealed class Saddle : Surface
{
    /// <inheritdoc />
    public override string Name => "saddle";

    /// <inheritdoc />
    public override string Formula => "x² − y²";

    /// <inheritdoc />
    public override SurfaceDomain Domain { get; } = new(-2, 2, -2, 2);

    /// <inheritdoc />
    public override (double X, double Y) Start => (-1.8, 0.05);

    /// <inheritdoc />
    public override SurfaceValue Evaluate(double x, double y) => new((x * x) - (y * y), 2 * x, -2 * y);
}
