using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Interactive.DlExt;

/// <summary>
/// Reads and writes the safetensors format (Hugging Face), which PyTorch, JAX and most model hubs read:
/// an 8-byte little-endian header length N, N bytes of UTF-8 JSON
/// <c>{"__metadata__": {"key": "value"}, "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, …}</c>
/// (offsets relative to the end of the header), then the raw little-endian values, row-major. Files written
/// here hold F32 tensors sorted by name, with the header padded with spaces to a multiple of 8 bytes so every
/// tensor starts aligned. Loading also accepts F64, F16 and BF16 (converted to float32).
/// </summary>
public static class SafeTensors
{
    internal const string MetadataKey = "__metadata__";

    /// <summary>Headers above this size are treated as corrupt (the reference implementation's limit).</summary>
    internal const long MaximumHeaderLength = 100_000_000;

    /// <summary>Writes <paramref name="tensors"/> to <paramref name="path"/> atomically: the file is written
    /// beside the target under a temporary name and then renamed over it, so a failed save never leaves a
    /// half-written file and an existing file stays intact until the new one is complete.</summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="tensors">The tensors by name (names non-empty, not "__metadata__").</param>
    /// <param name="metadata">Optional free-form string pairs stored under "__metadata__".</param>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null) =>
        Save(path, tensors, metadata, static s => s);

    /// <summary>Reads every tensor of a safetensors file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DlExtFileException">The file is corrupt or uses an unsupported dtype; the message names the file.</exception>
    public static IReadOnlyDictionary<string, Tensor> Load(string path) => Read(path).Tensors;

    /// <summary>Reads the "__metadata__" pairs of a safetensors file (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, string> LoadMetadata(string path) => Read(path).Metadata;

    /// <summary>The bytes <see cref="Save(string, IReadOnlyDictionary{string, Tensor}, IReadOnlyDictionary{string, string}?)"/> writes.</summary>
    internal static byte[] Serialize(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        Write(buffer, tensors, metadata);
        return buffer.ToArray();
    }

    /// <summary>Saves through <paramref name="wrap"/>, which decorates the file stream (tests inject write failures).</summary>
    internal static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata, Func<Stream, Stream> wrap)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        AtomicFile.Write(full, file =>
        {
            // The wrapper is not disposed: it would close the file before the flush to disk.
            var target = wrap(file);
            Write(target, tensors, metadata);
            target.Flush();
        });
    }

    private static void Write(Stream output, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        var entries = tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        foreach (var (name, tensor) in entries)
        {
            if (string.IsNullOrEmpty(name) || name == MetadataKey)
            {
                throw new DlExtArgumentException("tensor name", $"\"{name}\"", $"a non-empty name other than \"{MetadataKey}\"");
            }

            ArgumentNullException.ThrowIfNull(tensor, name);
        }

        var header = Header(entries, metadata);
        var padded = (header.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        output.Write(length);
        output.Write(header);
        for (var i = header.Length; i < padded; i++)
        {
            output.WriteByte((byte)' ');
        }

        foreach (var (_, tensor) in entries)
        {
            WriteFloats(output, tensor.Data);
        }
    }

    private static byte[] Header(List<KeyValuePair<string, Tensor>> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            long offset = 0;
            foreach (var (name, tensor) in entries)
            {
                writer.WriteStartObject(name);
                writer.WriteString("dtype", "F32");
                writer.WriteStartArray("shape");
                foreach (var d in tensor.Shape)
                {
                    writer.WriteNumberValue(d);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                offset += 4L * tensor.Length;
                writer.WriteNumberValue(offset);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return json.ToArray();
    }

    private static void WriteFloats(Stream output, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            output.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        output.Write(bytes);
    }

    private static SafeTensorsContent Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"safetensors file '{path}' does not exist.", path);
        }

        return SafeTensorsContent.Parse(File.ReadAllBytes(path), path);
    }
}
