using System.Globalization;

namespace Interactive.DlExt;

/// <summary>The descent lab's built-in surfaces, by name, and the parser of a surface as a magic or command line writes it.</summary>
public static class Surfaces
{
    /// <summary>The default condition number of <see cref="Elongated"/>.</summary>
    public const double DefaultElongatedCondition = 10;

    /// <summary>The surface the lab draws when none is named.</summary>
    public const string Default = "bowl";

    /// <summary>The built-in names, in teaching order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["bowl", "elongated", "rosenbrock", "saddle", "beale", "himmelblau"];

    /// <summary>How a surface is written, for help and error messages.</summary>
    public const string Syntax =
        "bowl, elongated (a bowl of condition number 10), bowl:condition=K, rosenbrock, saddle, beale, himmelblau, " +
        "or a formula in x and y such as x^2 + 10*y^2";

    /// <summary>The round bowl ½(x² + y²).</summary>
    public static Surface Bowl() => new QuadraticBowl();

    /// <summary>An elongated bowl ½(x² + κy²) of condition number <paramref name="condition"/>.</summary>
    public static Surface Elongated(double condition = DefaultElongatedCondition) => new QuadraticBowl(condition);

    /// <summary>Parses a surface: a built-in name (optionally with <c>:condition=K</c> for the bowls) or a formula in x and y.</summary>
    /// <param name="text">E.g. "rosenbrock", "elongated:condition=4" or "x^2 + 3*y^2 + x*y".</param>
    /// <param name="domain">For a formula: where to draw it (default −3 … 3 on both axes). Built-in surfaces keep their own.</param>
    /// <param name="parameter">The option name for error messages.</param>
    /// <exception cref="DlExtArgumentException">An unknown name (with the nearest one), a bad setting, or a formula
    /// with a syntax error (with its position).</exception>
    public static Surface Parse(string text, SurfaceDomain? domain = null, string parameter = "surface")
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        if (Names.Contains(name))
        {
            var condition = colon < 0 ? (double?)null : Condition(trimmed[(colon + 1)..], trimmed, parameter);
            return name switch
            {
                "bowl" => new QuadraticBowl(condition ?? 1),
                "elongated" => new QuadraticBowl(condition ?? DefaultElongatedCondition),
                _ when condition is not null => throw new DlExtArgumentException(parameter, trimmed, $"no settings after {name} (only bowl and elongated take :condition=K)"),
                "rosenbrock" => new Rosenbrock(),
                "saddle" => new Saddle(),
                "beale" => new Beale(),
                _ => new Himmelblau(),
            };
        }

        if (name.Length > 1 && name.All(char.IsLetter) && !SurfaceExpression.Functions.Contains(name) && name is not ("pi" or "e"))
        {
            var near = EditDistance.Nearest(name, Names);
            throw new DlExtArgumentException(parameter, trimmed, Syntax + (near is null ? string.Empty : $" (did you mean {near}?)"));
        }

        var expression = SurfaceExpression.Parse(trimmed, parameter);
        if (!expression.UsesCoordinates)
        {
            throw new DlExtArgumentException(parameter, trimmed, "a formula that depends on x or y (a constant has no slope to descend)");
        }

        return new ExpressionSurface(expression, domain);
    }

    private static double Condition(string settings, string text, string parameter)
    {
        var parts = settings.Split('=', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("condition", StringComparison.OrdinalIgnoreCase) ||
            !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var condition) || !(condition >= 1 && condition <= 1e4))
        {
            throw new DlExtArgumentException(parameter, text, "bowl:condition=K or elongated:condition=K with K a number in [1, 10000]");
        }

        return condition;
    }
}
