using System.Globalization;

namespace Interactive.DlExt;

/// <summary>The rectangle of the (x, y) plane a surface is drawn on.</summary>
/// <param name="XMin">The left edge.</param>
/// <param name="XMax">The right edge, &gt; <paramref name="XMin"/>.</param>
/// <param name="YMin">The bottom edge.</param>
/// <param name="YMax">The top edge, &gt; <paramref name="YMin"/>.</param>
public sealed record SurfaceDomain(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>Whether the point lies inside the rectangle (edges included).</summary>
    public bool Contains(double x, double y) => x >= XMin && x <= XMax && y >= YMin && y <= YMax;

    /// <summary>The rectangle grown by <paramref name="factor"/> around its centre.</summary>
    public SurfaceDomain Grow(double factor)
    {
        double cx = (XMin + XMax) / 2, cy = (YMin + YMax) / 2, hx = (XMax - XMin) / 2 * factor, hy = (YMax - YMin) / 2 * factor;
        return new(cx - hx, cx + hx, cy - hy, cy + hy);
    }

    /// <summary>Parses "xmin,xmax,ymin,ymax".</summary>
    /// <exception cref="DlExtArgumentException">Not four finite numbers with xmin &lt; xmax and ymin &lt; ymax.</exception>
    public static SurfaceDomain Parse(string text, string parameter = "domain")
    {
        ArgumentNullException.ThrowIfNull(text);
        var numbers = DescentValues.Numbers(text, parameter, "four numbers xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax, e.g. -3,3,-2,2");
        if (numbers.Count != 4 || !(numbers[1] > numbers[0]) || !(numbers[3] > numbers[2]))
        {
            throw new DlExtArgumentException(parameter, text, "four numbers xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax, e.g. -3,3,-2,2");
        }

        return new(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"x ∈ [{XMin:G4}, {XMax:G4}], y ∈ [{YMin:G4}, {YMax:G4}]");
}
