namespace Interactive.DlExt.Charts;

/// <summary>A small greyscale image for an <see cref="ImageGrid"/>, e.g. one 28 × 28 Fashion-MNIST sample.</summary>
/// <param name="Width">Pixels per row.</param>
/// <param name="Height">Rows.</param>
/// <param name="Pixels">Row-major intensities in [0, 1] (0 black, 1 white); values outside are clamped, NaN is black.</param>
/// <param name="Caption">Text under the image, e.g. "Sneaker (p = 0.97)".</param>
public sealed record GreyImage(int Width, int Height, IReadOnlyList<float> Pixels, string? Caption = null);

/// <summary>How an <see cref="ImageGrid"/> embeds its pixels.</summary>
public enum ImageEncoding
{
    /// <summary>One PNG data URI per image: compact (about 0.5 KB for 28 × 28).</summary>
    Png,

    /// <summary>SVG rectangles (runs of equal pixels merged): no embedded image, for viewers that block data URIs; much larger.</summary>
    Rectangles,
}
