namespace Interactive.DlExt;

/// <summary>2-D average pooling over [channels, height, width] items: each output is the mean of its
/// kernel×kernel window, padding counted as zeros (PyTorch's default count_include_pad).</summary>
public sealed class AvgPool2d : Pool2d
{
    /// <summary>Creates an average pooling layer.</summary>
    /// <param name="kernelSize">The window's side.</param>
    /// <param name="stride">Step between windows (default: the kernel size).</param>
    /// <param name="padding">Zero padding on every side (at most kernelSize/2).</param>
    public AvgPool2d(int kernelSize, int? stride = null, int padding = 0)
        : base(kernelSize, stride, padding)
    {
    }

    private protected override void Pool(ComputePool pool, PoolingGeometry geometry, float[] input, float[] output) =>
        Pooling.AverageForward(pool, geometry, input, output);

    private protected override void Unpool(ComputePool pool, PoolingGeometry geometry, float[] outputGradient, float[] inputGradient) =>
        Pooling.AverageBackward(pool, geometry, outputGradient, inputGradient);
}
