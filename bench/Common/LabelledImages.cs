namespace Interactive.DlExt.Bench;

/// <summary>Images as float32 in [0, 1], row-major [Count, Rows·Columns], and one class label per image.</summary>
/// <param name="Pixels">Count·Rows·Columns values, image after image, each row after row.</param>
/// <param name="Labels">Count class indices.</param>
/// <param name="Count">Number of images.</param>
/// <param name="Rows">Image height.</param>
/// <param name="Columns">Image width.</param>
public sealed record LabelledImages(float[] Pixels, byte[] Labels, int Count, int Rows, int Columns)
{
    /// <summary>Values per image.</summary>
    public int PixelsPerImage => Rows * Columns;
}
