using System.Buffers.Binary;
using System.Text;
using Interactive.DlExt.Tests.Data;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Serialization;

public sealed class SafeTensorsTests
{
    [Fact]
    public void A_tiny_file_has_the_hand_written_byte_layout()
    {
        var tensors = new Dictionary<string, Tensor>
        {
            ["b"] = new([0.5f]),
            ["a"] = new([1f, -2f], 2),
        };
        var bytes = SafeTensors.Serialize(tensors, new Dictionary<string, string> { ["k"] = "v" });

        // 132 bytes of JSON (tensors sorted by name, "b" a scalar with shape []) padded with 4 spaces to 136.
        const string Json = """{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[],"data_offsets":[8,12]}}""";
        byte[] expected =
        [
            136, 0, 0, 0, 0, 0, 0, 0,
            .. Encoding.UTF8.GetBytes(Json + "    "),
            0x00, 0x00, 0x80, 0x3F, // 1.0f little-endian
            0x00, 0x00, 0x00, 0xC0, // -2.0f
            0x00, 0x00, 0x00, 0x3F, // 0.5f
        ];
        Assert.Equal(132, Json.Length);
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void A_round_trip_is_bit_exact_including_special_values()
    {
        using var temp = new TempFolder();
        var random = new RandomSource(8);
        var big = new Tensor(3, 4, 5);
        for (var i = 0; i < big.Length; i++)
        {
            big.Data[i] = (float)random.NextGaussian();
        }

        var special = new Tensor([float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue], 6);
        var path = temp.File("w.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["layer.weight"] = big, ["special"] = special, ["empty"] = new Tensor(0, 3) },
            new Dictionary<string, string> { ["note"] = "héllo \"quoted\"" });

        var loaded = SafeTensors.Load(path);
        Assert.Equal(3, loaded.Count);
        Assert.Equal(big.Shape, loaded["layer.weight"].Shape);
        Assert.Equal(Bits(big), Bits(loaded["layer.weight"]));
        Assert.Equal(Bits(special), Bits(loaded["special"]));
        Assert.Equal([0, 3], loaded["empty"].Shape);
        Assert.Equal("héllo \"quoted\"", SafeTensors.LoadMetadata(path)["note"]);
    }

    [Fact]
    public void Every_tensor_starts_at_an_8_byte_aligned_position()
    {
        var bytes = SafeTensors.Serialize(new Dictionary<string, Tensor> { ["x"] = new Tensor(3) }, null);
        Assert.Equal(0UL, (8 + BinaryPrimitives.ReadUInt64LittleEndian(bytes)) % 8);
    }

    [Fact]
    public void A_failing_save_leaves_the_old_file_intact_and_no_temporary_file()
    {
        using var temp = new TempFolder();
        var path = temp.File("model.safetensors");
        SafeTensors.Save(path, new Dictionary<string, Tensor> { ["w"] = new([1f, 2f], 2) });
        var before = File.ReadAllBytes(path);

        var big = new Dictionary<string, Tensor> { ["w"] = new Tensor(1000) };
        Assert.Throws<IOException>(() => SafeTensors.Save(path, big, null, s => new FailingStream(s, failAfter: 100)));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Python_style_headers_with_spaces_other_dtypes_and_any_key_order_load()
    {
        // F16 1.5 = 0x3E00, BF16 -2 = 0xC000, F64 0.25; header written with spaces as json.dumps does.
        const string Json = """{"h": {"dtype": "F16", "shape": [1], "data_offsets": [0, 2]}, "__metadata__": {"format": "pt"}, "b": {"dtype": "BF16", "shape": [1], "data_offsets": [2, 4]}, "d": {"dtype": "F64", "shape": [1, 1], "data_offsets": [4, 12]}}""";
        var header = Encoding.UTF8.GetBytes(Json);
        byte[] data = [0x00, 0x3E, 0x00, 0xC0, .. BitConverter.GetBytes(0.25)];
        using var temp = new TempFolder();
        var path = temp.File("torch.safetensors");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)header.Length), .. header, .. data]);

        var loaded = SafeTensors.Load(path);
        Assert.Equal([1.5f], loaded["h"].Data);
        Assert.Equal([-2f], loaded["b"].Data);
        Assert.Equal([0.25f], loaded["d"].Data);
        Assert.Equal("pt", SafeTensors.LoadMetadata(path)["format"]);
    }

    [Theory]
    [InlineData("short", "too short for the 8-byte header length")]
    [InlineData("length", "its header length is 1000 bytes but the file has")]
    [InlineData("json", "its header is not valid JSON")]
    [InlineData("offsets", "has data_offsets [0,400] outside the 8 bytes of data")]
    [InlineData("size", "needs 12 bytes")]
    [InlineData("dtype", "has dtype I64, which this library does not read")]
    [InlineData("overlap", "tensors 'a' (bytes 0..8) and 'b' (bytes 4..12) overlap")]
    [InlineData("huge", "tensor 'a' has shape [2147483647, 1], too large to load")]
    [InlineData("vast", "tensor 'a' has shape [65536, 65536, 65536, 65536], too large to load (more than 2⁶³ elements of F32)")]
    public void A_corrupt_file_is_reported_with_its_name_and_the_reason(string corruption, string reason)
    {
        using var temp = new TempFolder();
        var path = temp.File(corruption + ".safetensors");
        File.WriteAllBytes(path, corruption switch
        {
            "short" => [1, 2, 3],
            "length" => [.. BitConverter.GetBytes(1000UL), .. "{}"u8.ToArray()],
            "json" => Bytes("""{"a": {"dtype": "F32", """, []),
            "offsets" => Bytes("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,400]}}""", new byte[8]),
            "size" => Bytes("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", new byte[8]),
            "overlap" => Bytes("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", new byte[12]),
            "huge" => Bytes("""{"a":{"dtype":"F32","shape":[2147483647,1],"data_offsets":[0,8]}}""", new byte[8]),
            "vast" => Bytes("""{"a":{"dtype":"F32","shape":[65536,65536,65536,65536],"data_offsets":[0,8]}}""", new byte[8]),
            _ => Bytes("""{"a":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}""", new byte[8]),
        });

        var e = Assert.Throws<DlExtFileException>(() => SafeTensors.Load(path));
        Assert.Contains($"'{path}' is not a valid safetensors file", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_metadata_key_cannot_name_a_tensor()
    {
        var e = Assert.Throws<DlExtArgumentException>(() =>
            SafeTensors.Serialize(new Dictionary<string, Tensor> { ["__metadata__"] = new Tensor(1) }, null));
        Assert.Equal("tensor name", e.ParamName);
    }

    private static byte[] Bytes(string json, byte[] data)
    {
        var header = Encoding.UTF8.GetBytes(json);
        return [.. BitConverter.GetBytes((ulong)header.Length), .. header, .. data];
    }

    private static int[] Bits(Tensor t) => t.Data.Select(BitConverter.SingleToInt32Bits).ToArray();
}
