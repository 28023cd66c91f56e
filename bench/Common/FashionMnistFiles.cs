using System.Buffers.Binary;
using System.IO.Compression;

namespace Interactive.DlExt.Bench;

/// <summary>
/// Reads Fashion-MNIST (or MNIST) from its four IDX files, gzipped or not, as Debian's
/// <c>dataset-fashion-mnist</c> package installs them in <see cref="DefaultDirectory"/>.
/// </summary>
public static class FashionMnistFiles
{
    /// <summary>Where <c>apt-get install dataset-fashion-mnist</c> puts the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    /// <summary>Loads the training split (<c>train-*</c>, 60,000 images) or the test split (<c>t10k-*</c>, 10,000 images).</summary>
    /// <param name="directory">The folder holding the IDX files.</param>
    /// <param name="training">True for the training split, false for the test split.</param>
    public static LabelledImages Load(string directory, bool training)
    {
        var prefix = training ? "train" : "t10k";
        var imagesPath = Find(directory, $"{prefix}-images-idx3-ubyte");
        var labelsPath = Find(directory, $"{prefix}-labels-idx1-ubyte");
        var images = ReadAll(imagesPath);
        var labels = ReadAll(labelsPath);

        Expect(images.Length >= 16 && ReadInt(images, 0) == ImagesMagic, imagesPath, "an IDX3 unsigned-byte image file (magic 0x00000803)");
        Expect(labels.Length >= 8 && ReadInt(labels, 0) == LabelsMagic, labelsPath, "an IDX1 unsigned-byte label file (magic 0x00000801)");
        var count = ReadInt(images, 4);
        var rows = ReadInt(images, 8);
        var columns = ReadInt(images, 12);
        Expect(count > 0 && rows > 0 && columns > 0 && images.Length == 16 + ((long)count * rows * columns), imagesPath,
            $"a header whose sizes ({count}×{rows}×{columns}) match the file length ({images.Length} bytes)");
        Expect(ReadInt(labels, 4) == count && labels.Length == 8 + count, labelsPath, $"{count} labels, as many as images");

        // Scaled by 1/255 in float, the way torchvision's ToTensor does it.
        var pixels = new float[images.Length - 16];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = images[16 + i] / 255f;
        }

        return new LabelledImages(pixels, labels.AsSpan(8).ToArray(), count, rows, columns);
    }

    private static string Find(string directory, string stem)
    {
        foreach (var candidate in new[] { stem + ".gz", stem })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"'{stem}[.gz]' was not found in '{directory}'; pass --data DIR with the four Fashion-MNIST IDX files " +
            "(apt-get install dataset-fashion-mnist puts them in " + DefaultDirectory + ").", Path.Combine(directory, stem));
    }

    private static byte[] ReadAll(string path)
    {
        using var file = File.OpenRead(path);
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var plain = new MemoryStream();
            file.CopyTo(plain);
            return plain.ToArray();
        }

        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static int ReadInt(byte[] bytes, int offset) => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset, 4));

    private static void Expect(bool condition, string path, string expected)
    {
        if (!condition)
        {
            throw new InvalidDataException($"'{path}' is not {expected}.");
        }
    }
}
