namespace Interactive.DlExt;

/// <summary>
/// 2-D max and average pooling over planes (an NCHW tensor is Batch·Channels planes of Height×Width).
/// Windows are Kernel×Kernel, Stride apart, over the input padded by Padding on every side:
/// OutputHeight = ⌊(Height + 2·Padding − Kernel) / Stride⌋ + 1. Each plane is handled by one task in a
/// fixed order, so overlapping windows add their gradients in the same order for any thread count.
/// </summary>
public static class Pooling
{
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

    /// <summary>inputGradient = 0, then each output gradient is added to its window's winner.</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="outputGradient">[Planes, OutputHeight, OutputWidth].</param>
    /// <param name="argmax">The winners from <see cref="MaxForward"/>.</param>
    /// <param name="inputGradient">[Planes, Height, Width], overwritten.</param>
    public static void MaxBackward(ComputePool pool, PoolingGeometry geometry, float[] outputGradient, int[] argmax, float[] inputGradient)
    {
        Check(pool, geometry, inputGradient, outputGradient);
        ArgumentNullException.ThrowIfNull(argmax);
        CheckLength(argmax.Length, outputGradient.Length, nameof(argmax));
        pool.For(geometry.Planes, plane =>
        {
            var dx = inputGradient.AsSpan(plane * geometry.InputLength, geometry.InputLength);
            var dy = outputGradient.AsSpan(plane * geometry.OutputLength, geometry.OutputLength);
            var at = argmax.AsSpan(plane * geometry.OutputLength, geometry.OutputLength);
            dx.Clear();
            for (var o = 0; o < dy.Length; o++)
            {
                dx[at[o]] += dy[o];
            }
        });
    }

    /// <summary>output = the sum of each window's inputs divided by Kernel² (padding counts as zeros, like
    /// PyTorch's default count_include_pad).</summary>
    /// <param name="pool">The threads to use.</param>
    /// <param name="geometry">The shapes.</param>
    /// <param name="input">[Planes, Height, Width].</param>
    /// <param name="output">[Planes, OutputHeight, OutputWidth], overwritten.</param>
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
