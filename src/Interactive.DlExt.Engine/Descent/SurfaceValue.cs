namespace Interactive.DlExt;

/// <summary>A surface's height at a point with its gradient there (forward-mode derivatives, exact to rounding).</summary>
/// <param name="Value">f(x, y).</param>
/// <param name="Dx">∂f/∂x.</param>
/// <param name="Dy">∂f/∂y.</param>
public readonly record struct SurfaceValue(double Value, double Dx, double Dy)
{
    /// <summary>A constant: no slope in x or y.</summary>
    public static SurfaceValue Constant(double value) => new(value, 0, 0);

    /// <summary>The coordinate x (∂x/∂x = 1).</summary>
    public static SurfaceValue X(double x) => new(x, 1, 0);

    /// <summary>The coordinate y (∂y/∂y = 1).</summary>
    public static SurfaceValue Y(double y) => new(y, 0, 1);

    /// <summary>The length of the gradient, ‖∇f‖.</summary>
    public double GradientNorm => Math.Sqrt((Dx * Dx) + (Dy * Dy));

    /// <summary>Sum rule.</summary>
    public static SurfaceValue operator +(SurfaceValue a, SurfaceValue b) => new(a.Value + b.Value, a.Dx + b.Dx, a.Dy + b.Dy);

    /// <summary>Difference rule.</summary>
    public static SurfaceValue operator -(SurfaceValue a, SurfaceValue b) => new(a.Value - b.Value, a.Dx - b.Dx, a.Dy - b.Dy);

    /// <summary>Negation.</summary>
    public static SurfaceValue operator -(SurfaceValue a) => new(-a.Value, -a.Dx, -a.Dy);

    /// <summary>Product rule.</summary>
    public static SurfaceValue operator *(SurfaceValue a, SurfaceValue b) =>
        new(a.Value * b.Value, (a.Dx * b.Value) + (a.Value * b.Dx), (a.Dy * b.Value) + (a.Value * b.Dy));

    /// <summary>Quotient rule.</summary>
    public static SurfaceValue operator /(SurfaceValue a, SurfaceValue b)
    {
        var q = a.Value / b.Value;
        return new(q, (a.Dx - (q * b.Dx)) / b.Value, (a.Dy - (q * b.Dy)) / b.Value);
    }

    /// <summary>Scaling by a constant.</summary>
    public static SurfaceValue operator *(double c, SurfaceValue a) => new(c * a.Value, c * a.Dx, c * a.Dy);

    /// <summary>Chain rule for a function of one variable: <paramref name="value"/> = g(a), <paramref name="slope"/> = g′(a).</summary>
    public SurfaceValue Chain(double value, double slope) => new(value, slope * Dx, slope * Dy);

    /// <summary>This value raised to a constant power (negative bases allowed for whole exponents).</summary>
    public SurfaceValue Pow(double exponent) =>
        exponent == 0 ? Constant(1) : Chain(Math.Pow(Value, exponent), exponent * Math.Pow(Value, exponent - 1));

    /// <summary>This value raised to a power that varies: exp(b·ln a), defined for a &gt; 0.</summary>
    public SurfaceValue Pow(SurfaceValue exponent)
    {
        var value = Math.Pow(Value, exponent.Value);
        var log = Math.Log(Value);
        return new(value,
            value * ((exponent.Dx * log) + (exponent.Value * Dx / Value)),
            value * ((exponent.Dy * log) + (exponent.Value * Dy / Value)));
    }
}
