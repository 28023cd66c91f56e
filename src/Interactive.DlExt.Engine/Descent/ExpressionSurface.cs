namespace Interactive.DlExt;

/// <summary>A user's formula in x and y (<see cref="SurfaceExpression"/>), drawn on a chosen rectangle.</summary>
public sealed class ExpressionSurface : Surface
{
    /// <summary>A surface of <paramref name="expression"/> drawn on <paramref name="domain"/> (default −3 … 3 on both
    /// axes), started at <paramref name="start"/> (default: three quarters of the way to the top-left corner).</summary>
    public ExpressionSurface(SurfaceExpression expression, SurfaceDomain? domain = null, (double X, double Y)? start = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression = expression;
        Domain = domain ?? new SurfaceDomain(-3, 3, -3, 3);
        Start = start ?? (Domain.XMin + (0.125 * (Domain.XMax - Domain.XMin)), Domain.YMax - (0.125 * (Domain.YMax - Domain.YMin)));
    }

    /// <summary>The parsed formula.</summary>
    public SurfaceExpression Expression { get; }

    /// <inheritdoc />
    public override string Name => "formula";

    /// <inheritdoc />
    public override string Formula => Expression.Text;

    /// <inheritdoc />
    public override SurfaceDomain Domain { get; }

    /// <inheritdoc />
    public override (double X, double Y) Start { get; }

    /// <inheritdoc />
    public override SurfaceValue Evaluate(double x, double y) => Expression.Evaluate(x, y);
}
