using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// A loss surface of two parameters for the descent lab: its formula, value and exact gradient, where to draw it
/// and start from, and its minimum when it is known. The built-in ones are made by <see cref="Surfaces"/>.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public abstract class Surface
{
    /// <summary>The name, e.g. "rosenbrock" or "bowl (condition 10)".</summary>
    public abstract string Name { get; }

    /// <summary>The formula as a student reads it.</summary>
    public abstract string Formula { get; }

    /// <summary>Where the surface is drawn.</summary>
    public abstract SurfaceDomain Domain { get; }

    /// <summary>Where runs start unless told otherwise.</summary>
    public abstract (double X, double Y) Start { get; }

    /// <summary>The lowest value, when known (null for a saddle, unbounded below, or a user's formula).</summary>
    public virtual double? MinimumValue => null;

    /// <summary>The points where the minimum is reached, when known (Himmelblau has four).</summary>
    public virtual IReadOnlyList<(double X, double Y)> Minima => [];

    /// <summary>Whether contour levels should crowd towards the minimum (surfaces with steep walls and flat valleys).</summary>
    public virtual bool SteepWalls => false;

    /// <summary>The value and gradient at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public abstract SurfaceValue Evaluate(double x, double y);

    /// <summary>The value at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public double Value(double x, double y) => Evaluate(x, y).Value;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: f(x, y) = {Formula}");
}
