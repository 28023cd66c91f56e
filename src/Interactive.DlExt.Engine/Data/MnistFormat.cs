using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// Loads an MNIST-style pair of IDX files (images: unsigned bytes [count, rows, columns]; labels: unsigned
/// bytes [count]) as a classification data set [count, 1, rows, columns] with pixels scaled to [0, 1] (÷ 255).
/// MNIST, Fashion-MNIST, KMNIST and EMNIST all use this layout.
/// </summary>
public static class MnistFormat
{
    /// <summary>Loads images and labels (each raw or .gz).</summary>
    /// <param name="imagesPath">The images file, e.g. train-images-idx3-ubyte.gz.</param>
    /// <param name="labelsPath">The labels file, e.g. train-labels-idx1-ubyte.gz.</param>
    /// <param name="classNames">One name per class; the default is "0".."9".</param>
    /// <param name="name">The data set's display name.</param>
    /// <exception cref="DlExtFileException">A file is not IDX, is truncated, or the two files do not match; the message names the file.</exception>
    public static Dataset Load(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null, string name = "mnist")
    {
        ArgumentNullException.ThrowIfNull(imagesPath);
        ArgumentNullException.ThrowIfNull(labelsPath);
        var images = IdxReader.ReadContent(imagesPath);
        var labels = IdxReader.ReadContent(labelsPath);
        var classCount = classNames?.Count ?? 10;
        if (images.TypeCode != IdxContent.UnsignedByte || images.Shape.Length != 3)
        {
            throw new DlExtFileException(imagesPath,
                $"holds {IdxReader.TypeName(images.TypeCode)} of shape {Tensor.Describe(images.Shape)}; MNIST images are unsigned bytes [count, rows, columns]"
                + (images.Shape.Length == 1 ? " (this looks like a labels file: are the images and labels files swapped?)" : "; " + IdxReader.Refetch));
        }

        if (labels.TypeCode != IdxContent.UnsignedByte || labels.Shape.Length != 1)
        {
            throw new DlExtFileException(labelsPath,
                $"holds {IdxReader.TypeName(labels.TypeCode)} of shape {Tensor.Describe(labels.Shape)}; MNIST labels are unsigned bytes [count]"
                + (labels.Shape.Length == 3 ? " (this looks like an images file: are the images and labels files swapped?)" : "; " + IdxReader.Refetch));
        }

        if (labels.Shape[0] != images.Shape[0])
        {
            throw new DlExtFileException(labelsPath,
                $"has {labels.Shape[0]} labels but '{imagesPath}' has {images.Shape[0]} images: the files do not belong together; {IdxReader.Refetch}");
        }

        var targets = new float[labels.Payload.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            if (labels.Payload[i] >= classCount)
            {
                throw new DlExtFileException(labelsPath,
                    $"has label {labels.Payload[i].ToString(CultureInfo.InvariantCulture)} at sample {i.ToString(CultureInfo.InvariantCulture)}, outside the {classCount} classes 0..{classCount - 1}; {IdxReader.Refetch}");
            }

            targets[i] = labels.Payload[i];
        }

        var pixels = new float[images.Payload.Length];
        var bytes = images.Payload;
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = bytes[i] / 255f;
        }

        var features = new Tensor(pixels, images.Shape[0], 1, images.Shape[1], images.Shape[2]);
        return new Dataset(features, new Tensor(targets, targets.Length), classCount, classNames, name);
    }
}
