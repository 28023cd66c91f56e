using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Interactive.DlExt;

/// <summary>
/// The backward pass of a dense layer's fused ReLU and bias in one sweep over a block of columns: the masked
/// gradient m = ReLU′(y)·g (<see cref="ReluRule"/>) is written, and each column's sum Σ_r m[r, j] is kept in
/// registers over the rows (four vectors at a time) instead of being read and written back once per row.
/// Each column's sum starts at +0 and adds the rows in order, exactly as a per-row <c>sums += m</c> would, so the
/// bits do not depend on the lane width or the block split.
/// </summary>
internal static class MaskedColumnSums
{
    /// <summary>Columns [j0, j1) of a row-major [rows × columns] gradient: writes <paramref name="masked"/> (when
    /// <paramref name="relu"/>) and sets sums[j] = Σ_r m[r, j] (m = g when not <paramref name="relu"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float[] gradient, float[] output, float[] masked, float[] sums, int rows, int columns, int j0, int j1, bool relu, SimdPath path)
    {
        var j = path switch
        {
            SimdPath.Vector512 => Columns<Lanes512>(gradient, output, masked, sums, rows, columns, j0, j1, relu),
            SimdPath.Vector256 => Columns<Lanes256>(gradient, output, masked, sums, rows, columns, j0, j1, relu),
            _ => j0,
        };
        Columns<Lane>(gradient, output, masked, sums, rows, columns, j, j1, relu);
    }

    // Groups of four vectors, then single vectors; returns the first column not done.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Columns<T>(float[] gradient, float[] output, float[] masked, float[] sums, int rows, int columns, int j0, int j1, bool relu)
        where T : struct, ILanes<T>
    {
        ref var g0 = ref MemoryMarshal.GetArrayDataReference(gradient);
        ref var y0 = ref MemoryMarshal.GetArrayDataReference(output);
        ref var m0 = ref MemoryMarshal.GetArrayDataReference(masked);
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(sums);
        var n = T.Count;
        var j = j0;
        for (; j + (4 * n) <= j1; j += 4 * n)
        {
            T a = T.Zero, b = T.Zero, c = T.Zero, d = T.Zero;
            for (var r = 0; r < rows; r++)
            {
                var at = (nuint)((r * (long)columns) + j);
                a += Mask<T>(ref g0, ref y0, ref m0, at, relu);
                b += Mask<T>(ref g0, ref y0, ref m0, at + (nuint)n, relu);
                c += Mask<T>(ref g0, ref y0, ref m0, at + (nuint)(2 * n), relu);
                d += Mask<T>(ref g0, ref y0, ref m0, at + (nuint)(3 * n), relu);
            }

            a.Store(ref s0, (nuint)j);
            b.Store(ref s0, (nuint)(j + n));
            c.Store(ref s0, (nuint)(j + (2 * n)));
            d.Store(ref s0, (nuint)(j + (3 * n)));
        }

        for (; j + n <= j1; j += n)
        {
            var a = T.Zero;
            for (var r = 0; r < rows; r++)
            {
                a += Mask<T>(ref g0, ref y0, ref m0, (nuint)((r * (long)columns) + j), relu);
            }

            a.Store(ref s0, (nuint)j);
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Mask<T>(ref float g0, ref float y0, ref float m0, nuint at, bool relu)
        where T : struct, ILanes<T>
    {
        var g = T.Load(ref g0, at);
        if (!relu)
        {
            return g;
        }

        var y = T.Load(ref y0, at);
        var m = default(ReluRule).Backward(y, y, g);
        m.Store(ref m0, at);
        return m;
    }
}
