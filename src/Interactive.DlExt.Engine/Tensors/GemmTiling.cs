using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// How the GEMM driver cuts its work: <see cref="Rows"/> × the path's strip width of C held in registers by one
/// micro-kernel call, and <see cref="Depth"/> values of k packed per block. Neither changes any result: every C
/// element is one fused-multiply-add chain over k in order whatever the tile (see <see cref="GemmKernels"/>).
/// </summary>
/// <param name="Rows">Rows of A per packed panel and per register tile: 6, 8 or 12.</param>
/// <param name="Depth">Values of k per packed block: 64 to 256, a multiple of 8.</param>
internal readonly record struct GemmTiling(int Rows, int Depth)
{
    /// <summary>The register tile rows offered (AVX-512 runs each as Rows × 32; AVX2 runs 6 × 16 whatever is chosen).</summary>
    public static readonly int[] TileRows = [6, 8, 12];

    /// <summary>The largest <see cref="Rows"/> (sizes the packing buffers and the scratch tile).</summary>
    public const int MaxRows = 12;

    /// <summary>The largest <see cref="Depth"/>.</summary>
    public const int MaxDepth = 256;

    /// <summary>The tiling the engine was first tuned with (Zen 4): 6 × 32, 128 deep.</summary>
    public static GemmTiling Default { get; } = new(6, 128);

    /// <summary>The text <see cref="Parse"/> accepts, for messages.</summary>
    public const string Accepted = "6x32, 8x32 or 12x32, optionally followed by /depth with depth a multiple of 8 from 64 to 256 (e.g. 8x32/128)";

    /// <summary>The rows of the tile a path actually runs: AVX2 has only its 6 × 16 kernel.</summary>
    public int RowsOn(SimdPath path) => path == SimdPath.Vector512 ? Rows : 6;

    /// <summary>Parses "6x32", "8x32", "12x32", each optionally followed by "/depth" (default depth 128).</summary>
    /// <param name="text">The value to parse.</param>
    /// <param name="source">Where the value came from, named in the error (e.g. the environment variable).</param>
    /// <exception cref="DlExtArgumentException">The value is not one of the accepted forms; the message names
    /// <paramref name="source"/>, the value and what is accepted.</exception>
    public static GemmTiling Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/');
        var tile = parts[0].Split('x', 'X');
        var depth = Default.Depth;
        if (parts.Length > 2 || tile.Length != 2
            || !int.TryParse(tile[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || Array.IndexOf(TileRows, rows) < 0
            || tile[1] != "32"
            || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out depth) || depth < 64 || depth > MaxDepth || depth % 8 != 0)))
        {
            throw new DlExtArgumentException(source, $"\"{text}\"", Accepted);
        }

        return new GemmTiling(rows, depth);
    }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Rows}x32/{Depth}");
}
