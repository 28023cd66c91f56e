namespace Interactive.DlExt;

/// <summary>
/// The shapes of a 2-D convolution over NCHW images: input [Batch, InChannels, Height, Width], weights
/// [OutChannels, InChannels, KernelHeight, KernelWidth], output [Batch, OutChannels, OutputHeight, OutputWidth]
/// with OutputHeight = ⌊(Height + 2·Padding − KernelHeight) / Stride⌋ + 1 (likewise for the width).
/// </summary>
/// <param name="Batch">Images in the batch.</param>
/// <param name="InChannels">Channels per input image.</param>
/// <param name="Height">Input height.</param>
/// <param name="Width">Input width.</param>
/// <param name="OutChannels">Output channels (filters).</param>
/// <param name="KernelHeight">Filter height.</param>
/// <param name="KernelWidth">Filter width.</param>
/// <param name="Stride">Step between windows, both directions.</param>
/// <param name="Padding">Zeros added on every side.</param>
internal readonly record struct ConvolutionGeometry(
    int Batch, int InChannels, int Height, int Width, int OutChannels, int KernelHeight, int KernelWidth, int Stride, int Padding)
{
    /// <summary>Output rows.</summary>
    public int OutputHeight => ((Height + (2 * Padding) - KernelHeight) / Stride) + 1;

    /// <summary>Output columns.</summary>
    public int OutputWidth => ((Width + (2 * Padding) - KernelWidth) / Stride) + 1;

    /// <summary>Values in one input image.</summary>
    public int InputLength => InChannels * Height * Width;

    /// <summary>Values in one output image.</summary>
    public int OutputLength => OutChannels * OutputPixels;

    /// <summary>Pixels in one output channel.</summary>
    public int OutputPixels => OutputHeight * OutputWidth;

    /// <summary>Inputs one output value depends on (InChannels × kernel area): the GEMM depth.</summary>
    public int Patch => InChannels * KernelHeight * KernelWidth;

    /// <summary>Values in the weight tensor.</summary>
    public int WeightLength => OutChannels * Patch;

    /// <summary>Floats of the unfolded-input (im2col) buffer that <see cref="Convolution.Forward"/> fills for the batch.</summary>
    public long ColumnsLength => (long)Batch * Patch * OutputPixels;

    /// <summary>Throws <see cref="DlExtArgumentException"/> unless every size is positive and the kernel fits the padded input.</summary>
    public void Validate()
    {
        Guard.AtLeast(Batch, 0, nameof(Batch));
        Guard.AtLeast(InChannels, 1, nameof(InChannels));
        Guard.AtLeast(OutChannels, 1, nameof(OutChannels));
        Guard.AtLeast(KernelHeight, 1, nameof(KernelHeight));
        Guard.AtLeast(KernelWidth, 1, nameof(KernelWidth));
        Guard.AtLeast(Stride, 1, nameof(Stride));
        Guard.AtLeast(Padding, 0, nameof(Padding));
        if (Height + (2 * Padding) < KernelHeight || Width + (2 * Padding) < KernelWidth || Height < 1 || Width < 1)
        {
            throw new DlExtArgumentException("input size", $"{Height}×{Width} with padding {Padding}",
                $"an image at least as large as the {KernelHeight}×{KernelWidth} kernel once padded");
        }
    }
}
