namespace Interactive.DlExt.Charts;

/// <summary>
/// The colours every chart uses. Categories follow the Okabe–Ito palette, which stays distinguishable
/// under the common colour-vision deficiencies; continuous values use viridis, which is perceptually
/// uniform and reads in greyscale too. Past Okabe–Ito's eight, six darker colours from Paul Tol's
/// qualitative schemes follow, so a dozen lines (<see cref="Line"/>) still differ by colour alone.
/// </summary>
public static class ChartPalette
{
    private static readonly string[] Categorical =
    [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#E69F00", // orange
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#000000", // black
        "#F0E442", // yellow: faint on white, so after the strong ones
        "#332288", // indigo (Tol)
        "#882255", // wine (Tol)
        "#117733", // green (Tol)
        "#999933", // olive (Tol)
        "#AA4499", // purple (Tol)
        "#661100", // brown (Tol)
    ];

    // For many lines: every categorical colour but black (kept for emphasis, e.g. the best trial) and the faint yellow.
    private static readonly string[] Lines = [.. Categorical.Where(c => c is not "#000000" and not "#F0E442")];

    // Viridis sampled at nine even stops (matplotlib's table), interpolated linearly between them.
    private static readonly (double R, double G, double B)[] Viridis =
    [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ];

    /// <summary>The number of distinct categorical colours before they repeat.</summary>
    public static int CategoryCount => Categorical.Length;

    /// <summary>The colour of category <paramref name="index"/> as "#rrggbb"; indices wrap around.</summary>
    /// <param name="index">A zero-based series or category index.</param>
    public static string Category(int index) => Categorical[((index % Categorical.Length) + Categorical.Length) % Categorical.Length];

    /// <summary>The number of distinct line colours of <see cref="Line"/> before they repeat.</summary>
    public static int LineCount => Lines.Length;

    /// <summary>The colour of line <paramref name="index"/> when black is reserved for emphasis: the categorical colours without
    /// black and yellow, distinct for <see cref="LineCount"/> (12) lines; indices wrap around.</summary>
    /// <param name="index">A zero-based line index.</param>
    public static string Line(int index) => Lines[((index % Lines.Length) + Lines.Length) % Lines.Length];

    /// <summary>The viridis colour at <paramref name="t"/> in [0, 1] (dark purple → yellow), as "#rrggbb"; NaN gives grey.</summary>
    /// <param name="t">The position on the scale; clamped to [0, 1].</param>
    public static string Sequential(double t)
    {
        if (double.IsNaN(t))
        {
            return "#bbbbbb";
        }

        t = Math.Clamp(t, 0, 1) * (Viridis.Length - 1);
        var i = Math.Min((int)t, Viridis.Length - 2);
        var f = t - i;
        var (r0, g0, b0) = Viridis[i];
        var (r1, g1, b1) = Viridis[i + 1];
        return Hex(r0 + ((r1 - r0) * f), g0 + ((g1 - g0) * f), b0 + ((b1 - b0) * f));
    }

    /// <summary>Black or white, whichever reads better on the viridis colour at <paramref name="t"/>.</summary>
    internal static string TextOnSequential(double t) => double.IsNaN(t) || t > 0.55 ? "#000000" : "#ffffff";

    private static string Hex(double r, double g, double b) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{(int)Math.Round(r):x2}{(int)Math.Round(g):x2}{(int)Math.Round(b):x2}");
}
