using Interactive.DlExt;

/// <summary>Times a convolution's forward pass and forward + backward (weights, bias and input gradients).</summary>
internal static class ConvolutionBench
{
    public static void Run(ComputePool pool, int batch, int inChannels, int outChannels, int size, int kernel, int padding)
    {
        Console.WriteLine(FormattableString.Invariant($"conv threads={pool.Threads} b{batch} {inChannels}x{size}x{size} -> {outChannels} k{kernel}: not implemented yet"));
    }
}
