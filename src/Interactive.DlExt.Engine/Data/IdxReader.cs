using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Interactive.DlExt;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST: two zero bytes, a type byte (0x08 unsigned
/// byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64), the number of dimensions,
/// each dimension as a big-endian int32, then the values, big-endian, row-major. Gzip-compressed files
/// are recognised by their content (bytes 1F 8B), whatever their name.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads an IDX file (raw or .gz) into a tensor of the shape in its header.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DlExtFileException">The file is not IDX, is truncated or its header is corrupt; the message names the file.</exception>
    public static Tensor Read(string path) => ReadContent(path).ToTensor();

    /// <summary>Reads IDX data (raw or gzip-compressed) from a stream; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="DlExtFileException">The data is not IDX, is truncated or its header is corrupt.</exception>
    public static Tensor Read(Stream stream, string sourceName) => ReadContent(stream, sourceName).ToTensor();

    /// <summary>What to do about a damaged data file.</summary>
    internal const string Refetch = "delete it and download or copy it again";

    internal static IdxContent ReadContent(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ReadContent(file, path);
    }

    internal static IdxContent ReadContent(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (!stream.CanSeek)
        {
            // Non-seekable (network) streams are buffered whole: the gzip check needs to look ahead two bytes.
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return ReadContent(copy, sourceName);
        }

        var first = new byte[2];
        var got = stream.ReadAtLeast(first, 2, throwOnEndOfStream: false);
        stream.Seek(-got, SeekOrigin.Current);
        var gzip = got == 2 && first[0] == 0x1F && first[1] == 0x8B;
        return gzip ? ReadGzip(stream, sourceName) : ReadIdx(stream, sourceName);
    }

    /// <summary>The bytes per value of an IDX type code, or 0 for an unknown code.</summary>
    internal static int ElementSize(byte typeCode) => typeCode switch
    {
        0x08 or 0x09 => 1,
        0x0B => 2,
        0x0C or 0x0D => 4,
        0x0E => 8,
        _ => 0,
    };

    internal static string TypeName(byte typeCode) => typeCode switch
    {
        0x08 => "unsigned bytes",
        0x09 => "signed bytes",
        0x0B => "16-bit integers",
        0x0C => "32-bit integers",
        0x0D => "32-bit floats",
        0x0E => "64-bit floats",
        _ => $"type 0x{typeCode:X2}",
    };

    private static IdxContent ReadGzip(Stream stream, string sourceName)
    {
        try
        {
            using var unzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            return ReadIdx(unzip, sourceName);
        }
        catch (InvalidDataException e)
        {
            throw new DlExtFileException(sourceName, $"is not a valid gzip file ({e.Message.TrimEnd('.')}); {Refetch}", e);
        }
    }

    private static IdxContent ReadIdx(Stream stream, string sourceName)
    {
        Span<byte> magic = stackalloc byte[4];
        var got = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4 || magic[0] != 0 || magic[1] != 0 || ElementSize(magic[2]) == 0 || magic[3] == 0)
        {
            throw new DlExtFileException(sourceName,
                $"is not an IDX file: it starts with bytes {Convert.ToHexString(magic[..got])}, " +
                "but an IDX file starts with 00 00, a type byte (08 unsigned byte, 09 signed byte, 0B int16, 0C int32, 0D float32, 0E float64) " +
                "and a dimension count ≥ 1 (e.g. 00000803 for MNIST images, 00000801 for labels); " + Refetch);
        }

        var rank = magic[3];
        var dims = new byte[4 * rank];
        if (stream.ReadAtLeast(dims, dims.Length, throwOnEndOfStream: false) < dims.Length)
        {
            throw new DlExtFileException(sourceName, $"is truncated: its header announces {rank} dimensions but ends before their sizes; {Refetch}");
        }

        var shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(dims.AsSpan(4 * d));
            if (shape[d] < 0)
            {
                throw new DlExtFileException(sourceName, $"has a negative dimension {shape[d]} in its header; {Refetch}");
            }
        }

        // Multiplied in long and checked at each dimension: 65536⁴ must not wrap around to 0 elements.
        var size = ElementSize(magic[2]);
        long byteCount = size;
        foreach (var dimension in shape)
        {
            byteCount *= dimension;
            if (byteCount > Array.MaxLength)
            {
                throw new DlExtFileException(sourceName,
                    $"announces shape {Tensor.Describe(shape)} of {TypeName(magic[2])}, more than the {Array.MaxLength.ToString(CultureInfo.InvariantCulture)} bytes one array can hold: the header is corrupt or the file is not IDX; {Refetch}");
            }
        }

        var payload = new byte[byteCount];
        var read = stream.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false);
        if (read < payload.Length)
        {
            throw new DlExtFileException(sourceName,
                $"is truncated: its header announces shape {Tensor.Describe(shape)} of {TypeName(magic[2])} " +
                $"({byteCount.ToString(CultureInfo.InvariantCulture)} bytes of values) but only {read.ToString(CultureInfo.InvariantCulture)} bytes follow; {Refetch}");
        }

        if (stream.ReadByte() >= 0)
        {
            throw new DlExtFileException(sourceName,
                $"has more data than its header announces (shape {Tensor.Describe(shape)} of {TypeName(magic[2])}): the file may be corrupt or not IDX; {Refetch}");
        }

        return new IdxContent(magic[2], shape, payload, sourceName);
    }
}
