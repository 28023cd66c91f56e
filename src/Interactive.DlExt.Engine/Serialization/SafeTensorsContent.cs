using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Interactive.DlExt;

/// <summary>The tensors and metadata of one file, validated.</summary>
internal sealed record SafeTensorsContent(IReadOnlyDictionary<string, Tensor> Tensors, IReadOnlyDictionary<string, string> Metadata)
{
    public static SafeTensorsContent Parse(byte[] bytes, string source)
    {
        if (bytes.Length < 8)
        {
            throw Corrupt(source, $"it is {bytes.Length} bytes long, too short for the 8-byte header length");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength < 2 || headerLength > SafeTensors.MaximumHeaderLength || headerLength > (ulong)(bytes.Length - 8))
        {
            throw Corrupt(source, $"its header length is {headerLength} bytes but the file has {bytes.Length - 8} bytes after the length field");
        }

        var dataStart = 8 + (int)headerLength;
        var dataLength = bytes.Length - dataStart;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException e)
        {
            throw Corrupt(source, $"its header is not valid JSON ({e.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt(source, "its header is not a JSON object");
            }

            var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var ranges = new List<(long Begin, long End, string Name)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == SafeTensors.MetadataKey)
                {
                    ReadMetadata(property.Value, metadata, source);
                }
                else if (!tensors.TryAdd(property.Name, ReadTensor(property, bytes.AsSpan(dataStart, dataLength), source, out var range)))
                {
                    throw Corrupt(source, $"its header names tensor '{property.Name}' twice");
                }
                else
                {
                    ranges.Add((range.Begin, range.End, property.Name));
                }
            }

            // Two tensors must not share bytes: a file whose offsets overlap was not written by a safetensors writer.
            var ordered = ranges.Where(r => r.End > r.Begin).OrderBy(r => r.Begin).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Begin < ordered[i - 1].End)
                {
                    throw Corrupt(source, $"tensors '{ordered[i - 1].Name}' (bytes {ordered[i - 1].Begin}..{ordered[i - 1].End}) and '{ordered[i].Name}' (bytes {ordered[i].Begin}..{ordered[i].End}) overlap");
                }
            }

            return new SafeTensorsContent(tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> into, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Corrupt(source, $"its \"{SafeTensors.MetadataKey}\" is not an object of strings");
        }

        foreach (var pair in element.EnumerateObject())
        {
            into[pair.Name] = pair.Value.ValueKind == JsonValueKind.String
                ? pair.Value.GetString()!
                : throw Corrupt(source, $"its \"{SafeTensors.MetadataKey}\" value '{pair.Name}' is not a string");
        }
    }

    private static Tensor ReadTensor(JsonProperty property, ReadOnlySpan<byte> data, string source, out (long Begin, long End) range)
    {
        var name = property.Name;
        var entry = property.Value;
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !entry.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !entry.TryGetProperty("data_offsets", out var offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array)
        {
            throw Corrupt(source, $"tensor '{name}' lacks a string \"dtype\", an array \"shape\" or an array \"data_offsets\"");
        }

        var dtype = dtypeElement.GetString()!;
        var size = dtype switch
        {
            "F32" => 4,
            "F64" => 8,
            "F16" or "BF16" => 2,
            _ => throw Corrupt(source, $"tensor '{name}' has dtype {dtype}, which this library does not read (supported: F32, F64, F16, BF16)"),
        };

        // Every dimension is read (as a long) before any is judged, so the message shows the shape as written.
        var dims = shapeElement.EnumerateArray().Select(d =>
            d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out var v) && v >= 0
                ? v
                : throw Corrupt(source, $"tensor '{name}' has a shape entry {d.GetRawText()} that is not a non-negative integer")).ToArray();
        long count = 1;
        foreach (var d in dims)
        {
            count = d == 0 || count <= Array.MaxLength / d ? count * d : long.MaxValue;
        }

        if (count > Array.MaxLength / size)
        {
            throw Corrupt(source, $"tensor '{name}' has shape [{string.Join(", ", dims)}], too large to load ({(count == long.MaxValue ? "more than 2⁶³" : count.ToString(System.Globalization.CultureInfo.InvariantCulture))} elements of {dtype})");
        }

        var shape = dims.Select(d => (int)d).ToArray();

        long begin = -1, end = -1;
        if (offsetsElement.GetArrayLength() == 2)
        {
            var o = offsetsElement.EnumerateArray().ToArray();
            _ = o[0].ValueKind == JsonValueKind.Number && o[0].TryGetInt64(out begin);
            _ = o[1].ValueKind == JsonValueKind.Number && o[1].TryGetInt64(out end);
        }

        if (begin < 0 || end < begin || end > data.Length)
        {
            throw Corrupt(source, $"tensor '{name}' has data_offsets {offsetsElement.GetRawText()} outside the {data.Length} bytes of data");
        }

        if (end - begin != count * size)
        {
            throw Corrupt(source, $"tensor '{name}' has data_offsets {offsetsElement.GetRawText()} ({end - begin} bytes) but shape {Tensor.Describe(shape)} of {dtype} needs {count * size} bytes");
        }

        range = (begin, end);
        return new Tensor(Decode(data.Slice((int)begin, (int)(end - begin)), dtype, (int)count), shape);
    }

    private static float[] Decode(ReadOnlySpan<byte> bytes, string dtype, int count)
    {
        var values = new float[count];
        switch (dtype)
        {
            case "F32" when BitConverter.IsLittleEndian:
                bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
                break;
            case "F32":
                for (var i = 0; i < count; i++)
                {
                    values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
                }

                break;
            case "F64":
                for (var i = 0; i < count; i++)
                {
                    values[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
                }

                break;
            case "F16":
                for (var i = 0; i < count; i++)
                {
                    values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(2 * i)..]);
                }

                break;
            default:
                // bfloat16 is the upper half of a float32.
                for (var i = 0; i < count; i++)
                {
                    values[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]) << 16);
                }

                break;
        }

        return values;
    }

    private static DlExtFileException Corrupt(string source, string reason) =>
        new(source, $"is not a valid safetensors file: {reason}.");
}
