namespace Interactive.DlExt;

/// <summary>The shapes of a 2-D pooling: Planes inputs of Height×Width, Kernel×Kernel windows Stride apart,
/// Padding on every side (at most Kernel/2, so every window holds at least one real input).</summary>
/// <param name="Planes">Batch × channels.</param>
/// <param name="Height">Input height.</param>
/// <param name="Width">Input width.</param>
/// <param name="Kernel">Window side.</param>
/// <param name="Stride">Step between windows.</param>
/// <param name="Padding">Padding on every side.</param>
internal readonly record struct PoolingGeometry(int Planes, int Height, int Width, int Kernel, int Stride, int Padding)
{
    /// <summary>Output rows.</summary>
    public int OutputHeight => ((Height + (2 * Padding) - Kernel) / Stride) + 1;

    /// <summary>Output columns.</summary>
    public int OutputWidth => ((Width + (2 * Padding) - Kernel) / Stride) + 1;

    /// <summary>Values per input plane.</summary>
    public int InputLength => Height * Width;

    /// <summary>Values per output plane.</summary>
    public int OutputLength => OutputHeight * OutputWidth;

    /// <summary>Throws <see cref="DlExtArgumentException"/> unless the sizes are positive, padding ≤ Kernel/2 and the
    /// window fits the padded input.</summary>
    public void Validate()
    {
        Guard.AtLeast(Planes, 0, nameof(Planes));
        Guard.AtLeast(Kernel, 1, nameof(Kernel));
        Guard.AtLeast(Stride, 1, nameof(Stride));
        Guard.AtLeast(Padding, 0, nameof(Padding));
        if (Padding > Kernel / 2)
        {
            throw new DlExtArgumentException(nameof(Padding), Guard.Text(Padding), $"at most half the kernel size ({Kernel / 2})");
        }

        if (Height < 1 || Width < 1 || Height + (2 * Padding) < Kernel || Width + (2 * Padding) < Kernel)
        {
            throw new DlExtArgumentException("input size", $"{Height}×{Width} with padding {Padding}",
                $"an image at least as large as the {Kernel}×{Kernel} window once padded");
        }
    }

    /// <summary>The input rows [Y0, Y1) and columns [X0, X1) of output (oy, ox)'s window, clipped to the image.</summary>
    internal (int Y0, int Y1, int X0, int X1) Window(int oy, int ox)
    {
        var y = (oy * Stride) - Padding;
        var x = (ox * Stride) - Padding;
        return (Math.Max(y, 0), Math.Min(y + Kernel, Height), Math.Max(x, 0), Math.Min(x + Kernel, Width));
    }
}
