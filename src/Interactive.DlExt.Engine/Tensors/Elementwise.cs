using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Interactive.DlExt;

/// <summary>
/// SIMD element-wise kernels for the layers, on an explicit <see cref="SimdPath"/> (read once on the calling thread,
/// so a path forced by a test also reaches pool workers). Each output element is computed by the same operations on
/// every path, and the sum adds in a fixed order, so results are bit-identical whatever the CPU.
/// </summary>
internal static class Elementwise
{
    /// <summary>y = x &lt; 0 ? 0 : x (NaN stays NaN; see <see cref="ReluRule"/>).</summary>
    public static void Relu(ReadOnlySpan<float> x, Span<float> y, SimdPath path) => LaneLoop.Forward(default(ReluRule), path, x, y);

    /// <summary>dx = x &gt; 0 ? dy : 0, the gradient through a ReLU (x may be the ReLU's input or its output; NaN where
    /// x is NaN).</summary>
    public static void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, SimdPath path)
        => LaneLoop.Backward(default(ReluRule), path, x, x, dy, dx);

    /// <summary>y += x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddInPlace(ReadOnlySpan<float> x, Span<float> y, SimdPath path)
    {
        LaneLoop.SameLength(y.Length, x.Length, nameof(y));
        var i = path switch
        {
            SimdPath.Vector512 => AddInPlace<Lanes512>(x, y, 0),
            SimdPath.Vector256 => AddInPlace<Lanes256>(x, y, 0),
            _ => 0,
        };
        AddInPlace<Lane>(x, y, i);
    }

    /// <summary>Σ x in a fixed order: 16 interleaved partial sums (element i goes to partial i mod 16), combined
    /// pairwise (p[l] + p[l+8], then +4, +2, +1), then the last length mod 16 elements in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Sum(ReadOnlySpan<float> x, SimdPath path)
    {
        Span<float> lanes = stackalloc float[16];
        var full = x.Length & ~15;
        ref var xs = ref MemoryMarshal.GetReference(x);
        if (path == SimdPath.Vector512)
        {
            var acc = Vector512<float>.Zero;
            for (var i = 0; i < full; i += 16)
            {
                acc += Vector512.LoadUnsafe(ref xs, (nuint)i);
            }

            acc.CopyTo(lanes);
        }
        else if (path == SimdPath.Vector256)
        {
            Vector256<float> low = Vector256<float>.Zero, high = Vector256<float>.Zero;
            for (var i = 0; i < full; i += 16)
            {
                low += Vector256.LoadUnsafe(ref xs, (nuint)i);
                high += Vector256.LoadUnsafe(ref xs, (nuint)(i + 8));
            }

            low.CopyTo(lanes);
            high.CopyTo(lanes[8..]);
        }
        else
        {
            lanes.Clear();
            for (var i = 0; i < full; i += 16)
            {
                for (var l = 0; l < 16; l++)
                {
                    lanes[l] += x[i + l];
                }
            }
        }

        for (var width = 8; width >= 1; width /= 2)
        {
            for (var l = 0; l < width; l++)
            {
                lanes[l] += lanes[l + width];
            }
        }

        var sum = lanes[0];
        for (var i = full; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddInPlace<T>(ReadOnlySpan<float> x, Span<float> y, int start)
        where T : struct, ILanes<T>
    {
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y);
        var i = start;
        for (; i + T.Count <= x.Length; i += T.Count)
        {
            (T.Load(ref xs, (nuint)i) + T.Load(ref ys, (nuint)i)).Store(ref ys, (nuint)i);
        }

        return i;
    }
}
