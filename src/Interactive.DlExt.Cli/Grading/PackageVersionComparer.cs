using System.Globalization;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>Orders package versions as NuGet does (SemVer 2.0): numeric parts numerically, a release after its
/// pre-releases, pre-release labels part by part (numbers below words), build metadata ignored.</summary>
internal sealed class PackageVersionComparer : IComparer<string>
{
    public static readonly PackageVersionComparer Instance = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }

        var (xRelease, xLabel) = Split(x);
        var (yRelease, yLabel) = Split(y);
        for (var i = 0; i < Math.Max(xRelease.Length, yRelease.Length); i++)
        {
            var c = Number(xRelease, i).CompareTo(Number(yRelease, i));
            if (c != 0)
            {
                return c;
            }
        }

        if (xLabel is null || yLabel is null)
        {
            return (xLabel is null ? 1 : 0) - (yLabel is null ? 1 : 0);
        }

        var xParts = xLabel.Split('.');
        var yParts = yLabel.Split('.');
        for (var i = 0; i < Math.Min(xParts.Length, yParts.Length); i++)
        {
            var c = Part(xParts[i], yParts[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return xParts.Length.CompareTo(yParts.Length);
    }

    private static (string[] Release, string? Label) Split(string version)
    {
        var core = version.Split('+')[0];
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (core.Split('.'), null) : (core[..dash].Split('.'), core[(dash + 1)..]);
    }

    private static long Number(string[] parts, int i) =>
        i < parts.Length && long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int Part(string x, string y)
    {
        var xNumeric = long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var xn);
        var yNumeric = long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yn);
        return (xNumeric, yNumeric) switch
        {
            (true, true) => xn.CompareTo(yn),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        };
    }
}
