using System.Buffers.Binary;
using System.IO.Compression;

namespace Interactive.DlExt.Tests.Data;

/// <summary>Writes small IDX files (optionally gzip-compressed) for reader and loader tests.</summary>
internal static class IdxTestFiles
{
    /// <summary>The bytes of an unsigned-byte IDX file of the given shape and values.</summary>
    public static byte[] UnsignedBytes(int[] shape, byte[] values)
    {
        var header = new byte[4 + (4 * shape.Length)];
        header[2] = 0x08;
        header[3] = (byte)shape.Length;
        for (var d = 0; d < shape.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + (4 * d)), shape[d]);
        }

        return [.. header, .. values];
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        {
            zip.Write(raw);
        }

        return output.ToArray();
    }

    /// <summary>Images [count, rows, cols] with pixel (n, r, c) = (n + r + c) mod 256, and labels n mod 10.</summary>
    public static (byte[] Images, byte[] Labels) Mnist(int count, int rows = 28, int cols = 28)
    {
        var pixels = new byte[count * rows * cols];
        for (var n = 0; n < count; n++)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    pixels[(((n * rows) + r) * cols) + c] = (byte)((n + r + c) % 256);
                }
            }
        }

        var labels = Enumerable.Range(0, count).Select(n => (byte)(n % 10)).ToArray();
        return (UnsignedBytes([count, rows, cols], pixels), UnsignedBytes([count], labels));
    }

    /// <summary>Writes the four MNIST files, gzip-compressed, into <paramref name="folder"/>.</summary>
    public static void WriteMnistFolder(string folder, int trainCount, int testCount)
    {
        var (trainImages, trainLabels) = Mnist(trainCount);
        var (testImages, testLabels) = Mnist(testCount);
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte.gz"), Gzip(trainImages));
        File.WriteAllBytes(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), Gzip(trainLabels));
        File.WriteAllBytes(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), Gzip(testImages));
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), Gzip(testLabels));
    }
}
