using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// A 2-D convolution over [channels, height, width] items: y[o] = b[o] + Σ_c W[o, c] ⋆ x[c], with zero padding
/// and a stride. Weights [out, in, kH, kW] start He-normal (fanIn = in·kH·kW), biases at zero.
/// </summary>
public sealed class Conv2d : Layer
{
    private Parameter? _weight;
    private Parameter? _bias;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private float[] _columns = [];
    private ConvolutionGeometry _geometry;

    /// <summary>Creates a convolution in PyTorch's argument order, <c>Conv2d(in, out, kernel)</c>: <c>new Conv2d(1, 32, 3)</c>
    /// takes 1 channel to 32 with a 3×3 kernel. The input channels are checked when the model is built.</summary>
    /// <param name="inChannels">Channels each input item must have, ≥ 1.</param>
    /// <param name="outChannels">Filters (output channels), ≥ 1.</param>
    /// <param name="kernelSize">The square kernel's side, ≥ 1.</param>
    /// <param name="stride">Step between windows, ≥ 1. The default is 1.</param>
    /// <param name="padding">Zeros added on every side, ≥ 0. The default is 0.</param>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0)
        : this(inChannels, outChannels, kernelSize, kernelSize, stride, padding)
    {
    }

    /// <summary>Creates a convolution with a rectangular kernel, in PyTorch's argument order.</summary>
    /// <param name="inChannels">Channels each input item must have, ≥ 1.</param>
    /// <param name="outChannels">Filters (output channels), ≥ 1.</param>
    /// <param name="kernel">The kernel's height and width, each ≥ 1.</param>
    /// <param name="stride">Step between windows, ≥ 1. The default is 1.</param>
    /// <param name="padding">Zeros added on every side, ≥ 0. The default is 0.</param>
    public Conv2d(int inChannels, int outChannels, (int Height, int Width) kernel, int stride = 1, int padding = 0)
        : this(inChannels, outChannels, kernel.Height, kernel.Width, stride, padding)
    {
    }

    private Conv2d(int inChannels, int outChannels, int kernelHeight, int kernelWidth, int stride, int padding)
    {
        InChannels = Guard.AtLeast(inChannels, 1, nameof(inChannels));
        OutChannels = Guard.AtLeast(outChannels, 1, nameof(outChannels));
        KernelHeight = Guard.AtLeast(kernelHeight, 1, "kernelSize");
        KernelWidth = Guard.AtLeast(kernelWidth, 1, "kernelSize");
        Stride = Guard.AtLeast(stride, 1, nameof(stride));
        Padding = Guard.AtLeast(padding, 0, nameof(padding));
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel height.</summary>
    public int KernelHeight { get; }

    /// <summary>Kernel width.</summary>
    public int KernelWidth { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on every side.</summary>
    public int Padding { get; }

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Conv2d({InChannels} → {OutChannels}, {KernelHeight}×{KernelWidth}, stride {Stride}, pad {Padding})");

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckInput(input);
        var geometry = _geometry with { Batch = input.BatchSize };
        var output = Reuse(ref _output, input.BatchSize, OutputShape);
        // Grow only: training, a smaller last batch and evaluation batches alternate, and re-allocating these
        // large buffers each time left hundreds of MB of garbage in the large-object heap.
        if (_columns.Length < geometry.ColumnsLength)
        {
            _columns = new float[checked((int)geometry.ColumnsLength)];
        }

        Convolution.Forward(context.Pool, geometry, input.Data, _weight!.Buffer, _weight.Offset, _bias!.Buffer, _bias.Offset, output.Data, _columns);
        _geometry = geometry;
        return output;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, LayerContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        ArgumentNullException.ThrowIfNull(context);
        if (outputGradient.Length != (long)_geometry.Batch * _geometry.OutputLength)
        {
            throw ShapeError(outputGradient.Shape, $"the output gradient of the last forward pass [{_geometry.Batch}, {string.Join(", ", OutputShape)}]");
        }

        if (_weight!.Trainable)
        {
            _weight.PrepareGradientForAccumulation();
            _bias!.PrepareGradientForAccumulation();
            Convolution.BackwardWeights(context.Pool, _geometry, _columns, outputGradient.Data,
                _weight.GradientBuffer, _weight.Offset, _bias!.GradientBuffer, _bias.Offset);
        }

        if (!InputGradientRequired)
        {
            return null;
        }

        var inputGradient = Reuse(ref _inputGradient, _geometry.Batch, InputShape);
        Convolution.BackwardData(context.Pool, _geometry, outputGradient.Data, _weight.Buffer, _weight.Offset, inputGradient.Data);
        return inputGradient;
    }

    /// <inheritdoc />
    protected override int[] OnBuild(int[] inputShape)
    {
        if (inputShape.Length != 3)
        {
            throw ShapeError(inputShape, "an item shape [channels, height, width]");
        }

        if (inputShape[0] != InChannels)
        {
            throw new DlExtArgumentException("inChannels", string.Create(CultureInfo.InvariantCulture,
                $"Layer '{Name}' ({Describe()}) was declared with inChannels = {InChannels}, but its input has {inputShape[0]} channels (item shape {Tensor.Describe(inputShape)}): pass {inputShape[0]} as the first argument, new Conv2d({inputShape[0]}, {OutChannels}, …)."));
        }

        var geometry = new ConvolutionGeometry(0, inputShape[0], inputShape[1], inputShape[2], OutChannels, KernelHeight, KernelWidth, Stride, Padding);
        if (inputShape[0] < 1 || inputShape[1] < 1 || inputShape[2] < 1
            || inputShape[1] + (2 * Padding) < KernelHeight || inputShape[2] + (2 * Padding) < KernelWidth)
        {
            throw ShapeError(inputShape, $"an image at least {KernelHeight}×{KernelWidth} once padded by {Padding}");
        }

        _geometry = geometry;
        var patch = geometry.Patch;
        _weight = AddParameter("weight", [OutChannels, inputShape[0], KernelHeight, KernelWidth], Initializer.HeNormal, patch, OutChannels * KernelHeight * KernelWidth);
        _bias = AddParameter("bias", [OutChannels], Initializer.Zeros, patch, OutChannels);
        return [OutChannels, geometry.OutputHeight, geometry.OutputWidth];
    }
}
