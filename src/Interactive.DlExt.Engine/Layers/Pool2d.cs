namespace Interactive.DlExt;

/// <summary>
/// What <see cref="MaxPool2d"/> and <see cref="AvgPool2d"/> share: the window (kernel, stride, padding), the
/// shape checks and the buffers of a pass over [channels, height, width] items. Each subclass supplies its
/// own forward and backward kernel.
/// </summary>
public abstract class Pool2d : Layer
{
    private Tensor? _output;
    private Tensor? _inputGradient;
    private PoolingGeometry _geometry;
    private long _lastOutputLength = -1;

    private protected Pool2d(int kernelSize, int? stride, int padding)
    {
        KernelSize = Guard.AtLeast(kernelSize, 1, nameof(kernelSize));
        Stride = Guard.AtLeast(stride ?? kernelSize, 1, nameof(stride));
        Padding = Guard.AtLeast(padding, 0, nameof(padding));
        if (padding > kernelSize / 2)
        {
            throw new DlExtArgumentException(nameof(padding), Guard.Text(padding), $"at most half the kernel size ({kernelSize / 2})");
        }
    }

    /// <summary>The window's side.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Padding on every side.</summary>
    public int Padding { get; }

    /// <inheritdoc />
    public override string Describe() => PoolingLayout.Describe(GetType().Name, KernelSize, Stride, Padding);

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        _geometry = _geometry with { Planes = input.BatchSize * InputShape[0] };
        var output = Reuse(ref _output, input.BatchSize, OutputShape);
        _lastOutputLength = output.Length;
        Pool(context.Pool, _geometry, input.Data, output.Data);
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        ArgumentNullException.ThrowIfNull(context);
        if (outputGradient.Length != _lastOutputLength)
        {
            throw ShapeError(outputGradient.Shape, "the output gradient of the last forward pass");
        }

        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = Reuse(ref _inputGradient, outputGradient.BatchSize, InputShape);
        Unpool(context.Pool, _geometry, outputGradient.Data, inputGradient.Data);
        return inputGradient;
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape)
    {
        _geometry = PoolingLayout.Build(inputShape, KernelSize, Stride, Padding, out var output, ShapeError);
        return output;
    }

    /// <summary>Computes the pooled output of all planes.</summary>
    private protected abstract void Pool(ComputePool pool, PoolingGeometry geometry, float[] input, float[] output);

    /// <summary>Spreads the output gradient back over the input windows (overwriting the input gradient).</summary>
    private protected abstract void Unpool(ComputePool pool, PoolingGeometry geometry, float[] outputGradient, float[] inputGradient);
}
