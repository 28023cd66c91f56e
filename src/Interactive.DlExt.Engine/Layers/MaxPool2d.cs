namespace Interactive.DlExt;

/// <summary>2-D max pooling over [channels, height, width] items: each output is the largest input in its
/// kernel×kernel window; the gradient flows to that input only.</summary>
public sealed class MaxPool2d : Layer
{
    private Tensor? _output;
    private Tensor? _inputGradient;
    private int[] _argmax = [];
    private PoolingGeometry _geometry;

    /// <summary>Creates a max pooling layer.</summary>
    /// <param name="kernelSize">The window's side.</param>
    /// <param name="stride">Step between windows (default: the kernel size).</param>
    /// <param name="padding">Padding on every side (at most kernelSize/2; it never wins).</param>
    public MaxPool2d(int kernelSize, int? stride = null, int padding = 0)
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
    public override string Describe() => PoolingLayout.Describe("MaxPool2d", KernelSize, Stride, Padding);

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        _geometry = _geometry with { Planes = input.BatchSize * InputShape[0] };
        var output = Reuse(ref _output, input.BatchSize, OutputShape);
        if (_argmax.Length != output.Length)
        {
            _argmax = new int[output.Length];
        }

        Pooling.MaxForward(context.Pool, _geometry, input.Data, output.Data, _argmax);
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        ArgumentNullException.ThrowIfNull(context);
        if (outputGradient.Length != _argmax.Length)
        {
            throw ShapeError(outputGradient.Shape, "the output gradient of the last forward pass");
        }

        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = Reuse(ref _inputGradient, outputGradient.BatchSize, InputShape);
        Pooling.MaxBackward(context.Pool, _geometry, outputGradient.Data, _argmax, inputGradient.Data);
        return inputGradient;
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape)
    {
        _geometry = PoolingLayout.Build(inputShape, KernelSize, Stride, Padding, out var output, ShapeError);
        return output;
    }
}
