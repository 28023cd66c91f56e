namespace Interactive.DlExt;

/// <summary>2-D max pooling over [channels, height, width] items: each output is the largest input in its
/// kernel×kernel window; the gradient flows to that input only.</summary>
public sealed class MaxPool2d : Pool2d
{
    private int[] _argmax = [];

    /// <summary>Creates a max pooling layer.</summary>
    /// <param name="kernelSize">The window's side.</param>
    /// <param name="stride">Step between windows (default: the kernel size).</param>
    /// <param name="padding">Padding on every side (at most kernelSize/2; it never wins).</param>
    public MaxPool2d(int kernelSize, int? stride = null, int padding = 0)
        : base(kernelSize, stride, padding)
    {
    }

    private protected override void Pool(ComputePool pool, PoolingGeometry geometry, float[] input, float[] output)
    {
        // Grow only (the kernels take a longer buffer), so alternating batch sizes do not re-allocate it.
        if (_argmax.Length < output.Length)
        {
            _argmax = new int[output.Length];
        }

        Pooling.MaxForward(pool, geometry, input, output, _argmax);
    }

    private protected override void Unpool(ComputePool pool, PoolingGeometry geometry, float[] outputGradient, float[] inputGradient) =>
        Pooling.MaxBackward(pool, geometry, outputGradient, _argmax, inputGradient);
}
