using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>The parts of a training step that <see cref="PartClock"/> can time inside the layers.</summary>
internal enum StepPart
{
    /// <summary>Unfolding images into columns (im2col), convolution forward.</summary>
    Im2Col,

    /// <summary>The convolution's forward GEMM (with its bias epilogue).</summary>
    ConvForwardGemm,

    /// <summary>Transposing the forward GEMM's pixels×channels result into the NCHW output.</summary>
    ConvForwardTranspose,

    /// <summary>The small-patch forward straight from the columns into NCHW (no GEMM, no transpose).</summary>
    ConvForwardDirect,

    /// <summary>The convolution's weight-gradient GEMM (with its transposes for a short patch).</summary>
    ConvWeightGemm,

    /// <summary>The convolution's bias gradient, Σ dY per channel.</summary>
    ConvBiasSum,

    /// <summary>The convolution's input-gradient GEMM, dcols = Wᵀ·dY.</summary>
    ConvDataGemm,

    /// <summary>Folding dcols back into the input gradient (col2im).</summary>
    Col2Im,

    /// <summary>A linear layer's fused-ReLU mask and bias-gradient column sums.</summary>
    LinearMaskAndBias,
}

/// <summary>
/// Opt-in timing of the parts of a step inside the layers, for the benchmark's profile mode. Off (the default) it
/// costs one static read and branch per call site, at the granularity of an image or a whole pass, never per element.
/// Times are summed over all threads (thread-milliseconds), so a part run on two threads at once counts twice.
/// </summary>
internal static class PartClock
{
    private const int Stride = 16; // one cache line per counter: threads add without false sharing
    private static readonly long[] Ticks = new long[(Enum.GetValues<StepPart>().Length + 1) * Stride];

    /// <summary>Whether the parts are timed. Set by the benchmark only.</summary>
    public static bool Enabled { get; set; }

    /// <summary>A timestamp to pass to <see cref="Stop"/>, or 0 when timing is off.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="part"/> (nothing when timing is off).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Stop(StepPart part, long start)
    {
        if (start != 0)
        {
            Interlocked.Add(ref Ticks[(int)part * Stride], Stopwatch.GetTimestamp() - start);
        }
    }

    /// <summary>Milliseconds summed over threads for each part since the last call, and resets them.</summary>
    public static double[] TakeMilliseconds()
    {
        var parts = Enum.GetValues<StepPart>();
        var result = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = Interlocked.Exchange(ref Ticks[i * Stride], 0) * 1000.0 / Stopwatch.Frequency;
        }

        return result;
    }
}
