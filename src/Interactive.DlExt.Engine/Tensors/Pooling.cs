using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// 2-D max and average pooling over planes (an NCHW tensor is Batch·Channels planes of Height×Width).
/// Windows are Kernel×Kernel, Stride apart, over the input padded by Padding on every side:
/// OutputHeight = ⌊(Height + 2·Padding − Kernel) / Stride⌋ + 1. Each plane is handled by one task in a
/// fixed order, so overlapping windows add their gradients in the same order for any thread count.
/// </summary>
internal static class Pooling
{
    private const int PlanesPerTask = 16;

    // The 16-window AVX-512 forms need .NET 9's masked moves; on .NET 8 the 4-window form serves every path.
#if NET9_0_OR_GREATER
    private const bool WideKernels = true;
#else
    private const bool WideKernels = false;
#endif

    /// <summary>output = the maximum of each window (padding never wins); argmax = the winning input index
    /// within its plane (the first maximum in row-major window order).</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="input">[Planes, Height, Width].</param>
    /// <param name="output">[Planes, OutputHeight, OutputWidth], overwritten.</param>
    /// <param name="argmax">Same length as the output; receives the winners for <see cref="MaxBackward"/>.</param>
    public static void MaxForward(ComputePool pool, PoolingGeometry geometry, float[] input, float[] output, int[] argmax)
    {
        Check(pool, geometry, input, output);
        ArgumentNullException.ThrowIfNull(argmax);
        CheckLength(argmax.Length, output.Length, nameof(argmax));
        if (geometry is { Kernel: 2, Stride: 2, Padding: 0 })
        {
            // The common 2×2 halving: whole windows only, a few planes per task (a task per plane costs more than the plane).
            var chunks = (geometry.Planes + PlanesPerTask - 1) / PlanesPerTask;
            var wide = WideKernels && Simd.Current == SimdPath.Vector512;
            pool.For(chunks, chunk =>
            {
                var end = Math.Min(geometry.Planes, (chunk + 1) * PlanesPerTask);
#if NET9_0_OR_GREATER
                if (wide)
                {
                    MaxForward2x2Wide(geometry, input, output, argmax, chunk * PlanesPerTask, end);
                    return;
                }
#endif

                for (var plane = chunk * PlanesPerTask; plane < end; plane++)
                {
                    MaxForward2x2(geometry, input.AsSpan(plane * geometry.InputLength, geometry.InputLength),
                        output.AsSpan(plane * geometry.OutputLength, geometry.OutputLength),
                        argmax.AsSpan(plane * geometry.OutputLength, geometry.OutputLength));
                }
            });
            return;
        }

        pool.For(geometry.Planes, plane =>
        {
            var x = input.AsSpan(plane * geometry.InputLength, geometry.InputLength);
            var y = output.AsSpan(plane * geometry.OutputLength, geometry.OutputLength);
            var at = argmax.AsSpan(plane * geometry.OutputLength, geometry.OutputLength);
            for (int oy = 0, o = 0; oy < geometry.OutputHeight; oy++)
            {
                for (var ox = 0; ox < geometry.OutputWidth; ox++, o++)
                {
                    var (y0, y1, x0, x1) = geometry.Window(oy, ox);
                    var best = float.NegativeInfinity;
                    var index = (y0 * geometry.Width) + x0;
                    for (var iy = y0; iy < y1; iy++)
                    {
                        for (var ix = x0; ix < x1; ix++)
                        {
                            var v = x[(iy * geometry.Width) + ix];
                            if (v > best)
                            {
                                best = v;
                                index = (iy * geometry.Width) + ix;
                            }
                        }
                    }

                    y[o] = x[index];
                    at[o] = index;
                }
            }
        });
    }

    // The general loop unrolled for a 2×2 window: same row-major order, same strict '>' (the first maximum wins).
    // Random data makes those comparisons unpredictable branches, so rows are done 4 windows at a time with
    // masks; a row narrower than 4 windows, or a CPU without SSE, takes the scalar form.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaxForward2x2(in PoolingGeometry g, ReadOnlySpan<float> x, Span<float> y, Span<int> at)
    {
        int width = g.Width, outputWidth = g.OutputWidth;
        var vectors = Sse.IsSupported && outputWidth >= 4;
        for (var oy = 0; oy < g.OutputHeight; oy++)
        {
            var top = 2 * oy * width;
            var row = oy * outputWidth;
            if (vectors)
            {
                // The last group overlaps the one before when the width is not a multiple of 4 (same values twice).
                for (var ox = 0; ox < outputWidth; ox += 4)
                {
                    var start = Math.Min(ox, outputWidth - 4);
                    MaxWindows4(x, top + (2 * start), width, y[(row + start)..], at[(row + start)..]);
                }

                continue;
            }

            for (var ox = 0; ox < outputWidth; ox++)
            {
                var i = top + (2 * ox);
                var index = i;
                var best = float.NegativeInfinity;
                if (x[i] > best)
                {
                    best = x[i];
                }

                if (x[i + 1] > best)
                {
                    best = x[i + 1];
                    index = i + 1;
                }

                if (x[i + width] > best)
                {
                    best = x[i + width];
                    index = i + width;
                }

                if (x[i + width + 1] > best)
                {
                    index = i + width + 1;
                }

                y[row + ox] = x[index];
                at[row + ox] = index;
            }
        }
    }

#if NET9_0_OR_GREATER
    // The 2×2 windows of planes [first, end), 16 windows of a row at a time with AVX-512: each row pair is loaded as
    // 32 + 32 floats (masked at the row's end), split into even and odd columns, and the four candidates are taken in
    // the scalar loop's order with the same strict '>', so the values and winners are those of MaxForward2x2.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void MaxForward2x2Wide(in PoolingGeometry g, float[] input, float[] output, int[] argmax, int first, int end)
    {
        int width = g.Width, outputWidth = g.OutputWidth;
        var even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        var odd = even + Vector512<int>.One;
        var lanes = Vector512<int>.Indices;
        fixed (float* xs = input, ys = output)
        fixed (int* ats = argmax)
        {
            for (var plane = first; plane < end; plane++)
            {
                var x = xs + ((long)plane * g.InputLength);
                var y = ys + ((long)plane * g.OutputLength);
                var at = ats + ((long)plane * g.OutputLength);
                for (var oy = 0; oy < g.OutputHeight; oy++)
                {
                    var top = 2 * oy * width;
                    for (var ox = 0; ox < outputWidth; ox += 16)
                    {
                        var count = Math.Min(16, outputWidth - ox);
                        var low = Vector512.LessThan(lanes, Vector512.Create(2 * count)).AsSingle();
                        var high = Vector512.LessThan(lanes, Vector512.Create((2 * count) - 16)).AsSingle();
                        var i = top + (2 * ox);
                        var upper0 = Avx512F.MaskLoad(x + i, low, Vector512<float>.Zero);
                        var upper1 = Avx512F.MaskLoad(x + i + 16, high, Vector512<float>.Zero);
                        var lower0 = Avx512F.MaskLoad(x + i + width, low, Vector512<float>.Zero);
                        var lower1 = Avx512F.MaskLoad(x + i + width + 16, high, Vector512<float>.Zero);
                        var position = Vector512.Create(i) + even;
                        var best = Vector512.Create(float.NegativeInfinity);
                        var index = position;
                        var taken = Vector512<float>.Zero;
                        var a = Avx512F.PermuteVar16x32x2(upper0, even, upper1);
                        Take(a, position, ref best, ref index, ref taken);
                        Take(Avx512F.PermuteVar16x32x2(upper0, odd, upper1), position + Vector512<int>.One, ref best, ref index, ref taken);
                        Take(Avx512F.PermuteVar16x32x2(lower0, even, lower1), position + Vector512.Create(width), ref best, ref index, ref taken);
                        Take(Avx512F.PermuteVar16x32x2(lower0, odd, lower1), position + Vector512.Create(width + 1), ref best, ref index, ref taken);
                        var store = Vector512.LessThan(lanes, Vector512.Create(count));
                        var row = (oy * outputWidth) + ox;
                        Avx512F.MaskStore(y + row, store.AsSingle(), Vector512.ConditionalSelect(taken, best, a));
                        Avx512F.MaskStore(at + row, store, index);
                    }
                }
            }
        }
    }

    private static void Take(Vector512<float> value, Vector512<int> position, ref Vector512<float> best, ref Vector512<int> index, ref Vector512<float> taken)
    {
        var greater = Vector512.GreaterThan(value, best);
        best = Vector512.ConditionalSelect(greater, value, best);
        index = Vector512.ConditionalSelect(greater.AsInt32(), position, index);
        taken |= greater;
    }

#endif

    // Four adjacent 2×2 windows whose top-left input is x[i], x[i + 2], x[i + 4], x[i + 6].
    private static void MaxWindows4(ReadOnlySpan<float> x, int i, int width, Span<float> y, Span<int> at)
    {
        var upper0 = Vector128.Create(x.Slice(i, 4));
        var upper1 = Vector128.Create(x.Slice(i + 4, 4));
        var lower0 = Vector128.Create(x.Slice(i + width, 4));
        var lower1 = Vector128.Create(x.Slice(i + width + 4, 4));
        var first = Vector128.Create(i) + Vector128.Create(0, 2, 4, 6);
        var best = Vector128.Create(float.NegativeInfinity);
        var index = first;
        var taken = Vector128<float>.Zero;
        var a = Sse.Shuffle(upper0, upper1, 0b10_00_10_00);
        Take(a, first, ref best, ref index, ref taken);
        Take(Sse.Shuffle(upper0, upper1, 0b11_01_11_01), first + Vector128.Create(1), ref best, ref index, ref taken);
        Take(Sse.Shuffle(lower0, lower1, 0b10_00_10_00), first + Vector128.Create(width), ref best, ref index, ref taken);
        Take(Sse.Shuffle(lower0, lower1, 0b11_01_11_01), first + Vector128.Create(width + 1), ref best, ref index, ref taken);

        // With no value above −∞ (all −∞ or NaN) the first input is the winner, as in the scalar loop.
        Vector128.ConditionalSelect(taken, best, a).CopyTo(y);
        index.CopyTo(at);
    }

    private static void Take(Vector128<float> value, Vector128<int> position, ref Vector128<float> best, ref Vector128<int> index, ref Vector128<float> taken)
    {
        var greater = Vector128.GreaterThan(value, best);
        best = Vector128.ConditionalSelect(greater, value, best);
        index = Vector128.ConditionalSelect(greater.AsInt32(), position, index);
        taken |= greater;
    }

    /// <summary>inputGradient = 0, then each output gradient is added to its window's winner.</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="outputGradient">[Planes, OutputHeight, OutputWidth].</param>
    /// <param name="argmax">The winners from <see cref="MaxForward"/>.</param>
    /// <param name="inputGradient">[Planes, Height, Width], overwritten.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MaxBackward(ComputePool pool, PoolingGeometry geometry, float[] outputGradient, int[] argmax, float[] inputGradient)
    {
        Check(pool, geometry, inputGradient, outputGradient);
        ArgumentNullException.ThrowIfNull(argmax);
        CheckLength(argmax.Length, outputGradient.Length, nameof(argmax));
        var chunks = (geometry.Planes + PlanesPerTask - 1) / PlanesPerTask;
        var wide = WideKernels && geometry is { Kernel: 2, Stride: 2, Padding: 0 } && Simd.Current == SimdPath.Vector512;
        pool.For(chunks, chunk =>
        {
            var end = Math.Min(geometry.Planes, (chunk + 1) * PlanesPerTask);
#if NET9_0_OR_GREATER
            if (wide)
            {
                MaxBackward2x2Wide(geometry, outputGradient, argmax, inputGradient, chunk * PlanesPerTask, end);
                return;
            }
#endif

            for (var plane = chunk * PlanesPerTask; plane < end; plane++)
            {
                var dx = inputGradient.AsSpan(plane * geometry.InputLength, geometry.InputLength);
                var dy = outputGradient.AsSpan(plane * geometry.OutputLength, geometry.OutputLength);
                var at = argmax.AsSpan(plane * geometry.OutputLength, geometry.OutputLength);
                dx.Clear();
                for (var o = 0; o < dy.Length; o++)
                {
                    dx[at[o]] += dy[o];
                }
            }
        });
    }

#if NET9_0_OR_GREATER
    // Disjoint 2×2 windows, 16 at a time with AVX-512: each input of a window is +0 + dy where it won and +0 where it
    // did not (what clearing and then adding dy at the winner gives), written as two rows of 32 interleaved values.
    // Inputs outside every window (an odd last row or column) are cleared first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void MaxBackward2x2Wide(in PoolingGeometry g, float[] outputGradient, int[] argmax, float[] inputGradient, int first, int end)
    {
        int width = g.Width, outputWidth = g.OutputWidth;
        var even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        var lowHalf = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        var highHalf = lowHalf + Vector512.Create(8);
        var lanes = Vector512<int>.Indices;
        var uncovered = width % 2 != 0 || g.Height % 2 != 0;
        fixed (float* dys = outputGradient, dxs = inputGradient)
        fixed (int* ats = argmax)
        {
            for (var plane = first; plane < end; plane++)
            {
                var dx = dxs + ((long)plane * g.InputLength);
                var dy = dys + ((long)plane * g.OutputLength);
                var at = ats + ((long)plane * g.OutputLength);
                if (uncovered)
                {
                    new Span<float>(dx, g.InputLength).Clear();
                }

                for (var oy = 0; oy < g.OutputHeight; oy++)
                {
                    var top = 2 * oy * width;
                    for (var ox = 0; ox < outputWidth; ox += 16)
                    {
                        var count = Math.Min(16, outputWidth - ox);
                        var load = Vector512.LessThan(lanes, Vector512.Create(count));
                        var row = (oy * outputWidth) + ox;
                        var gradient = Vector512<float>.Zero + Avx512F.MaskLoad(dy + row, load.AsSingle(), Vector512<float>.Zero);
                        var winner = Avx512F.MaskLoad(at + row, load, Vector512<int>.Zero);
                        var i = top + (2 * ox);
                        var position = Vector512.Create(i) + even;
                        var upperEven = Vector512.ConditionalSelect(Vector512.Equals(winner, position).AsSingle(), gradient, Vector512<float>.Zero);
                        var upperOdd = Vector512.ConditionalSelect(Vector512.Equals(winner, position + Vector512<int>.One).AsSingle(), gradient, Vector512<float>.Zero);
                        var lowerEven = Vector512.ConditionalSelect(Vector512.Equals(winner, position + Vector512.Create(width)).AsSingle(), gradient, Vector512<float>.Zero);
                        var lowerOdd = Vector512.ConditionalSelect(Vector512.Equals(winner, position + Vector512.Create(width + 1)).AsSingle(), gradient, Vector512<float>.Zero);
                        var low = Vector512.LessThan(lanes, Vector512.Create(2 * count)).AsSingle();
                        var high = Vector512.LessThan(lanes, Vector512.Create((2 * count) - 16)).AsSingle();
                        Avx512F.MaskStore(dx + i, low, Avx512F.PermuteVar16x32x2(upperEven, lowHalf, upperOdd));
                        Avx512F.MaskStore(dx + i + 16, high, Avx512F.PermuteVar16x32x2(upperEven, highHalf, upperOdd));
                        Avx512F.MaskStore(dx + i + width, low, Avx512F.PermuteVar16x32x2(lowerEven, lowHalf, lowerOdd));
                        Avx512F.MaskStore(dx + i + width + 16, high, Avx512F.PermuteVar16x32x2(lowerEven, highHalf, lowerOdd));
                    }
                }
            }
        }
    }

#endif

    /// <summary>output = the sum of each window's inputs divided by Kernel² (padding counts as zeros, like
    /// PyTorch's default count_include_pad).</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="input">[Planes, Height, Width].</param>
    /// <param name="output">[Planes, OutputHeight, OutputWidth], overwritten.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AverageForward(ComputePool pool, PoolingGeometry geometry, float[] input, float[] output)
    {
        Check(pool, geometry, input, output);
        var scale = 1f / (geometry.Kernel * geometry.Kernel);
        pool.For(geometry.Planes, plane =>
        {
            var x = input.AsSpan(plane * geometry.InputLength, geometry.InputLength);
            var y = output.AsSpan(plane * geometry.OutputLength, geometry.OutputLength);
            for (int oy = 0, o = 0; oy < geometry.OutputHeight; oy++)
            {
                for (var ox = 0; ox < geometry.OutputWidth; ox++, o++)
                {
                    var (y0, y1, x0, x1) = geometry.Window(oy, ox);
                    var sum = 0f;
                    for (var iy = y0; iy < y1; iy++)
                    {
                        for (var ix = x0; ix < x1; ix++)
                        {
                            sum += x[(iy * geometry.Width) + ix];
                        }
                    }

                    y[o] = sum * scale;
                }
            }
        });
    }

    /// <summary>inputGradient = 0, then each output gradient / Kernel² is added to every input of its window.</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="outputGradient">[Planes, OutputHeight, OutputWidth].</param>
    /// <param name="inputGradient">[Planes, Height, Width], overwritten.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AverageBackward(ComputePool pool, PoolingGeometry geometry, float[] outputGradient, float[] inputGradient)
    {
        Check(pool, geometry, inputGradient, outputGradient);
        var scale = 1f / (geometry.Kernel * geometry.Kernel);
        pool.For(geometry.Planes, plane =>
        {
            var dx = inputGradient.AsSpan(plane * geometry.InputLength, geometry.InputLength);
            var dy = outputGradient.AsSpan(plane * geometry.OutputLength, geometry.OutputLength);
            dx.Clear();
            for (int oy = 0, o = 0; oy < geometry.OutputHeight; oy++)
            {
                for (var ox = 0; ox < geometry.OutputWidth; ox++, o++)
                {
                    var (y0, y1, x0, x1) = geometry.Window(oy, ox);
                    var g = dy[o] * scale;
                    for (var iy = y0; iy < y1; iy++)
                    {
                        for (var ix = x0; ix < x1; ix++)
                        {
                            dx[(iy * geometry.Width) + ix] += g;
                        }
                    }
                }
            }
        });
    }

    private static void Check(ComputePool pool, in PoolingGeometry g, float[] input, float[] output)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        g.Validate();
        CheckLength(input.Length, (long)g.Planes * g.InputLength, nameof(input));
        CheckLength(output.Length, (long)g.Planes * g.OutputLength, nameof(output));
    }

    private static void CheckLength(long length, long expected, string parameter)
    {
        if (length < expected)
        {
            throw new DlExtArgumentException(parameter, $"{length} values", $"at least {expected} values");
        }
    }
}
