using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// SIMD element-wise kernels for layers and optimizers. Each output element is computed by the same
/// operations on every SIMD path (multiply-adds are fused everywhere), and the reductions add in a fixed
/// order, so results are bit-identical whatever the CPU.
/// </summary>
public static class Elementwise
{
    /// <summary>y = x &lt; 0 ? 0 : x (NaN stays NaN; see <see cref="ReluRule"/>).</summary>
    public static void Relu(ReadOnlySpan<float> x, Span<float> y) => LaneLoop.Forward(default(ReluRule), Simd.Current, x, y);

    /// <summary>dx = x &gt; 0 ? dy : 0, the gradient through a ReLU (x may be the ReLU's input or its output; NaN where
    /// x is NaN).</summary>
    public static void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx) => ReluBackward(x, dy, dx, Simd.Current);

    /// <summary><see cref="ReluBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> on <paramref name="path"/>.</summary>
    internal static void ReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, SimdPath path)
        => LaneLoop.Backward(default(ReluRule), path, x, x, dy, dx);

    /// <summary>y = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        SameLength(b.Length, a.Length, nameof(b));
        SameLength(y.Length, a.Length, nameof(y));
        var i = 0;
        ref var l = ref MemoryMarshal.GetReference(a);
        ref var r = ref MemoryMarshal.GetReference(b);
        ref var o = ref MemoryMarshal.GetReference(y);
        var path = Simd.Current;
        if (path == SimdPath.Vector512)
        {
            for (; i + 16 <= a.Length; i += 16)
            {
                (Vector512.LoadUnsafe(ref l, (nuint)i) + Vector512.LoadUnsafe(ref r, (nuint)i)).StoreUnsafe(ref o, (nuint)i);
            }
        }
        else if (path == SimdPath.Vector256)
        {
            for (; i + 8 <= a.Length; i += 8)
            {
                (Vector256.LoadUnsafe(ref l, (nuint)i) + Vector256.LoadUnsafe(ref r, (nuint)i)).StoreUnsafe(ref o, (nuint)i);
            }
        }

        for (; i < a.Length; i++)
        {
            y[i] = a[i] + b[i];
        }
    }

    /// <summary>y += x.</summary>
    public static void AddInPlace(ReadOnlySpan<float> x, Span<float> y) => Add(x, y, y);

    /// <summary>y += x on <paramref name="path"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddInPlace(ReadOnlySpan<float> x, Span<float> y, SimdPath path)
    {
        SameLength(y.Length, x.Length, nameof(y));
        var i = path switch
        {
            SimdPath.Vector512 => AddInPlace<Lanes512>(x, y, 0),
            SimdPath.Vector256 => AddInPlace<Lanes256>(x, y, 0),
            _ => 0,
        };
        AddInPlace<Lane>(x, y, i);
    }

    /// <summary>y = factor · x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(ReadOnlySpan<float> x, float factor, Span<float> y)
    {
        SameLength(y.Length, x.Length, nameof(y));
        var i = 0;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y);
        var path = Simd.Current;
        if (path == SimdPath.Vector512)
        {
            var f = Vector512.Create(factor);
            for (; i + 16 <= x.Length; i += 16)
            {
                (Vector512.LoadUnsafe(ref xs, (nuint)i) * f).StoreUnsafe(ref ys, (nuint)i);
            }
        }
        else if (path == SimdPath.Vector256)
        {
            var f = Vector256.Create(factor);
            for (; i + 8 <= x.Length; i += 8)
            {
                (Vector256.LoadUnsafe(ref xs, (nuint)i) * f).StoreUnsafe(ref ys, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] = x[i] * factor;
        }
    }

    /// <summary>y = fma(alpha, x, y), i.e. y += alpha·x rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        SameLength(y.Length, x.Length, nameof(y));
        var i = 0;
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y);
        var path = Simd.Current;
        if (path == SimdPath.Vector512)
        {
            var a = Vector512.Create(alpha);
            for (; i + 16 <= x.Length; i += 16)
            {
                Avx512F.FusedMultiplyAdd(a, Vector512.LoadUnsafe(ref xs, (nuint)i), Vector512.LoadUnsafe(ref ys, (nuint)i)).StoreUnsafe(ref ys, (nuint)i);
            }
        }
        else if (path == SimdPath.Vector256)
        {
            var a = Vector256.Create(alpha);
            for (; i + 8 <= x.Length; i += 8)
            {
                Fma.MultiplyAdd(a, Vector256.LoadUnsafe(ref xs, (nuint)i), Vector256.LoadUnsafe(ref ys, (nuint)i)).StoreUnsafe(ref ys, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] = MathF.FusedMultiplyAdd(alpha, x[i], y[i]);
        }
    }

    /// <summary>y = x.</summary>
    public static void Copy(ReadOnlySpan<float> x, Span<float> y)
    {
        SameLength(y.Length, x.Length, nameof(y));
        x.CopyTo(y);
    }

    /// <summary>sums[j] (+)= Σᵢ x[i·columns + j], adding rows in order (a bias gradient is the column sums of
    /// the output gradient).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumColumns(ReadOnlySpan<float> x, int rows, int columns, Span<float> sums, bool accumulate = false)
    {
        SameLength(x.Length, (long)rows * columns, nameof(x));
        SameLength(sums.Length, columns, nameof(sums));
        if (!accumulate)
        {
            sums.Clear();
        }

        for (var r = 0; r < rows; r++)
        {
            Add(sums, x.Slice(r * columns, columns), sums);
        }
    }

    /// <summary>Σ x in a fixed order: 16 interleaved partial sums (element i goes to partial i mod 16), combined
    /// pairwise (p[l] + p[l+8], then +4, +2, +1), then the last length mod 16 elements in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Sum(ReadOnlySpan<float> x) => Sum(x, Simd.Current);

    /// <summary><see cref="Sum(ReadOnlySpan{float})"/> on <paramref name="path"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float Sum(ReadOnlySpan<float> x, SimdPath path)
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
    private static void SameLength(long length, long expected, string parameter)
    {
        if (length != expected)
        {
            throw new DlExtArgumentException(parameter, $"{length} values", $"{expected} values, matching the other operands");
        }
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
