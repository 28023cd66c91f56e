using System.Globalization;

namespace Interactive.DlExt;

/// <summary>Shape checks and descriptions shared by the pooling layers.</summary>
internal static class PoolingLayout
{
    public static string Describe(string name, int kernel, int stride, int padding) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}({kernel}×{kernel}, stride {stride}{(padding > 0 ? $", pad {padding}" : string.Empty)})");

    public static PoolingGeometry Build(
        int[] inputShape, int kernel, int stride, int padding, out int[] outputShape,
        Func<IReadOnlyList<int>, string, DlExtArgumentException> shapeError)
    {
        if (inputShape.Length != 3)
        {
            throw shapeError(inputShape, "an item shape [channels, height, width]");
        }

        if (inputShape[1] < 1 || inputShape[2] < 1 || inputShape[1] + (2 * padding) < kernel || inputShape[2] + (2 * padding) < kernel)
        {
            throw shapeError(inputShape, $"an image at least {kernel}×{kernel} once padded by {padding}");
        }

        var geometry = new PoolingGeometry(0, inputShape[1], inputShape[2], kernel, stride, padding);
        outputShape = [inputShape[0], geometry.OutputHeight, geometry.OutputWidth];
        return geometry;
    }
}
