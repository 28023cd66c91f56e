namespace Interactive.DlExt;

/// <summary>
/// The global gradient norm and the two clipping rules, as PyTorch's <c>clip_grad_norm_</c> and <c>clip_grad_value_</c>:
/// <list type="bullet">
/// <item>‖g‖ = √(Σᵢ gᵢ²) over every trainable gradient;</item>
/// <item>by norm: g ← g · c / (‖g‖ + 10⁻⁶) when that factor is below 1, so ‖g‖ ≤ c;</item>
/// <item>by value: gᵢ ← min(max(gᵢ, −c), c).</item>
/// </list>
/// The norm is summed in double (four interleaved partial sums per chunk) over fixed <see cref="Optimizer.ChunkLength"/>-element chunks (independent of the
/// thread count), and the chunk sums are added in order, so it is bit-identical for any thread count and SIMD path.
/// </summary>
internal static class GradientClipping
{
    /// <summary>PyTorch's guard against dividing by a zero norm.</summary>
    internal const double Epsilon = 1e-6;

    /// <summary>The global L2 norm of <paramref name="gradients"/>.</summary>
    public static double GlobalNorm(float[] gradients, ComputePool pool)
    {
        var chunks = ChunkCount(gradients.Length);
        if (chunks <= 1)
        {
            // A small model: one chunk, summed here without waking the pool (the same sum a worker would make).
            return Math.Sqrt(SumOfSquares(gradients));
        }

        var sums = new double[chunks];
        pool.For(chunks, c =>
        {
            var (start, end) = Chunk(c, gradients.Length);
            sums[c] = SumOfSquares(gradients.AsSpan(start, end - start));
        });
        double total = 0;
        foreach (var sum in sums)
        {
            total += sum;
        }

        return Math.Sqrt(total);
    }

    // Four independent double sums (element i into sum i mod 4, added in a fixed order at the end): four times fewer
    // dependent additions than one running sum, and the same association on every machine (no SIMD-width dependence).
    private static double SumOfSquares(ReadOnlySpan<float> chunk)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 4 <= chunk.Length; i += 4)
        {
            double g0 = chunk[i], g1 = chunk[i + 1], g2 = chunk[i + 2], g3 = chunk[i + 3];
            s0 += g0 * g0;
            s1 += g1 * g1;
            s2 += g2 * g2;
            s3 += g3 * g3;
        }

        for (; i < chunk.Length; i++)
        {
            double g = chunk[i];
            s0 += g * g;
        }

        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>Scales <paramref name="gradients"/> by c / (‖g‖ + ε) when that is below 1 (else leaves them).</summary>
    public static void ClipNorm(float[] gradients, double norm, double maxNorm, ComputePool pool)
    {
        var factor = maxNorm / (norm + Epsilon);
        if (!(factor < 1))
        {
            return;
        }

        // A float factor, as PyTorch multiplies float32 gradients by a float32 coefficient.
        var scale = (float)factor;
        pool.For(ChunkCount(gradients.Length), c =>
        {
            var (start, end) = Chunk(c, gradients.Length);
            for (var i = start; i < end; i++)
            {
                gradients[i] *= scale;
            }
        });
    }

    /// <summary>Clamps every gradient to [−c, c].</summary>
    public static void ClipValue(float[] gradients, double maxValue, ComputePool pool)
    {
        var limit = (float)maxValue;
        pool.For(ChunkCount(gradients.Length), c =>
        {
            var (start, end) = Chunk(c, gradients.Length);
            for (var i = start; i < end; i++)
            {
                gradients[i] = Math.Clamp(gradients[i], -limit, limit);
            }
        });
    }

    private static int ChunkCount(int length) => (length + Optimizer.ChunkLength - 1) / Optimizer.ChunkLength;

    private static (int Start, int End) Chunk(int index, int length)
    {
        var start = index * Optimizer.ChunkLength;
        return (start, Math.Min(length, start + Optimizer.ChunkLength));
    }
}
