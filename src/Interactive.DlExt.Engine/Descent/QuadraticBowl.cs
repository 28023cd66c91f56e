using System.Globalization;

namespace Interactive.DlExt;

/// <summary>f(x, y) = ½(x² + κy²): a round bowl for κ = 1, a valley for large κ (the condition number, the ratio of
/// its steepest to its flattest curvature). Gradient descent is stable for η &lt; 2/κ and slow along x when η ≪ 1.</summary>
public sealed class QuadraticBowl : Surface
{
    /// <summary>A bowl with condition number <paramref name="condition"/> (1 to 10⁴).</summary>
    /// <exception cref="DlExtArgumentException">A condition number outside [1, 10⁴].</exception>
    public QuadraticBowl(double condition = 1)
    {
        Condition = condition is >= 1 and <= 1e4 ? condition : throw new DlExtArgumentException(nameof(condition), condition.ToString(CultureInfo.InvariantCulture), "a number in [1, 10000]");
    }

    /// <summary>κ, the ratio of the curvature along y to the curvature along x.</summary>
    public double Condition { get; }

    /// <inheritdoc />
    public override string Name => Condition == 1 ? "bowl" : string.Create(CultureInfo.InvariantCulture, $"bowl (condition {Condition:G4})");

    /// <inheritdoc />
    public override string Formula => Condition == 1 ? "½(x² + y²)" : string.Create(CultureInfo.InvariantCulture, $"½(x² + {Condition:G4}·y²)");

    /// <inheritdoc />
    public override SurfaceDomain Domain { get; } = new(-3, 3, -3, 3);

    /// <inheritdoc />
    public override (double X, double Y) Start => (-2.5, 2);

    /// <inheritdoc />
    public override double? MinimumValue => 0;

    /// <inheritdoc />
    public override IReadOnlyList<(double X, double Y)> Minima { get; } = [(0, 0)];

    /// <inheritdoc />
    public override SurfaceValue Evaluate(double x, double y) =>
        new(0.5 * ((x * x) + (Condition * y * y)), x, Condition * y);
}
