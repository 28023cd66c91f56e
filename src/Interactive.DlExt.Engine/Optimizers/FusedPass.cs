using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>Updates one chunk: <paramref name="values"/> and <paramref name="gradients"/> are the chunk's slices,
/// <paramref name="offset"/> is where the chunk starts in the flat buffers (to slice state arrays alike).</summary>
internal delegate void ChunkUpdate(Span<float> values, ReadOnlySpan<float> gradients, int offset);

/// <summary>
/// The one parallel loop every optimizer shares: the flat parameter buffer is cut into fixed
/// <see cref="ChunkLength"/>-element chunks (independent of the thread count) and each chunk is updated by
/// one task. Updates are element-wise, so the result is bit-identical for any number of threads.
/// </summary>
internal static class FusedPass
{
    /// <summary>Elements per chunk: 64 KiB of floats per buffer, big enough to amortise scheduling, small
    /// enough to balance a few million parameters over the threads.</summary>
    public const int ChunkLength = 16 * 1024;

    /// <summary>Checks the arguments common to every <see cref="Optimizer.Step"/>, runs <paramref name="update"/> on every
    /// chunk and leaves the gradients at zero (see <see cref="ParameterStore.ZeroGradients"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(ParameterStore parameters, double learningRate, ComputePool pool, ChunkUpdate update)
    {
        Check(parameters, learningRate, pool);
        var values = parameters.Values;
        var gradients = parameters.Gradients;
        var length = values.Length;
        var chunks = (length + ChunkLength - 1) / ChunkLength;
        pool.For(chunks, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk) =>
        {
            var start = chunk * ChunkLength;
            var count = Math.Min(ChunkLength, length - start);
            update(values.AsSpan(start, count), gradients.AsSpan(start, count), start);
        });

        // The step consumes the gradients. Marking them zero (instead of clearing the buffer) lets the next
        // backward pass overwrite the weight gradients rather than read zeros and add to them.
        parameters.ZeroGradients();
    }

    /// <summary>Checks the arguments of <see cref="Optimizer.Step"/> (call before touching optimizer state).</summary>
    public static void Check(ParameterStore parameters, double learningRate, ComputePool pool)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(pool);
        // A schedule may legitimately reach 0 (e.g. cosine annealing to a minimum of 0): a no-op step, not an error.
        Guard.NonNegative(learningRate, "learning rate");
    }

    /// <summary>Checks β (or μ) lies in [0, 1).</summary>
    public static double Beta(double value, string parameter) => Guard.InHalfOpen(value, 0, 1, parameter);
}
