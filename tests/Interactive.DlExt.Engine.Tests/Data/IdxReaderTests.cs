namespace Interactive.DlExt.Tests.Data;

public sealed class IdxReaderTests
{
    [Fact]
    public void A_raw_unsigned_byte_file_reads_with_its_shape_and_values()
    {
        using var temp = new TempFolder();
        var path = temp.File("a.idx");
        File.WriteAllBytes(path, IdxTestFiles.UnsignedBytes([2, 3], [0, 1, 2, 253, 254, 255]));
        var t = IdxReader.Read(path);
        Assert.Equal([2, 3], t.Shape);
        Assert.Equal([0f, 1f, 2f, 253f, 254f, 255f], t.Data);
    }

    [Fact]
    public void A_gzip_file_is_recognised_by_its_content()
    {
        using var temp = new TempFolder();
        var path = temp.File("labels-without-gz-extension");
        File.WriteAllBytes(path, IdxTestFiles.Gzip(IdxTestFiles.UnsignedBytes([4], [3, 1, 4, 1])));
        Assert.Equal([3f, 1f, 4f, 1f], IdxReader.Read(path).Data);
    }

    [Fact]
    public void Multi_byte_types_are_read_big_endian()
    {
        // int32 [2]: 0x00000102 = 258 and 0xFFFFFFFF = -1; float32 [1]: 0x3FC00000 = 1.5.
        byte[] ints = [0, 0, 0x0C, 1, 0, 0, 0, 2, 0, 0, 1, 2, 0xFF, 0xFF, 0xFF, 0xFF];
        byte[] floats = [0, 0, 0x0D, 1, 0, 0, 0, 1, 0x3F, 0xC0, 0, 0];
        Assert.Equal([258f, -1f], IdxReader.Read(new MemoryStream(ints), "ints").Data);
        Assert.Equal([1.5f], IdxReader.Read(new MemoryStream(floats), "floats").Data);
    }

    [Fact]
    public void A_bad_magic_number_names_the_file_and_the_bytes_found()
    {
        using var temp = new TempFolder();
        var path = temp.File("notes.txt");
        File.WriteAllText(path, "hello world");
        var e = Assert.Throws<DlExtFileException>(() => IdxReader.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("is not an IDX file", e.Message, StringComparison.Ordinal);
        Assert.Contains("68656C6C", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_how_much_is_missing()
    {
        using var temp = new TempFolder();
        var path = temp.File("train-images-idx3-ubyte.gz");
        var full = IdxTestFiles.UnsignedBytes([3, 2, 2], new byte[12]);
        File.WriteAllBytes(path, IdxTestFiles.Gzip(full[..^5]));
        var e = Assert.Throws<DlExtFileException>(() => IdxReader.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains("[3, 2, 2]", e.Message, StringComparison.Ordinal);
        Assert.Contains("only 7 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_trailing_data_is_rejected()
    {
        var bytes = IdxTestFiles.UnsignedBytes([2], [1, 2]).Append((byte)9).ToArray();
        var e = Assert.Throws<DlExtFileException>(() => IdxReader.Read(new MemoryStream(bytes), "extra.idx"));
        Assert.Contains("'extra.idx' has more data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dimensions_whose_product_overflows_are_refused_not_read_as_zero_elements()
    {
        // 65536⁴ = 2⁶⁴: multiplied in a long it wraps around to 0, and the file used to load as an empty tensor.
        byte[] header = [0, 0, 0x08, 4, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0];

        var e = Assert.Throws<DlExtFileException>(() => IdxReader.Read(new MemoryStream(header), "overflow.idx"));

        Assert.Equal("overflow.idx", e.FilePath);
        Assert.StartsWith("announces shape [65536, 65536, 65536, 65536] of unsigned bytes, more than the", e.Problem, StringComparison.Ordinal);
        Assert.EndsWith("delete it and download or copy it again", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_gzip_stream_names_the_file_and_what_to_do()
    {
        var gzip = IdxTestFiles.Gzip(IdxTestFiles.UnsignedBytes([64], new byte[64]));
        for (var i = 10; i < gzip.Length - 8; i++)
        {
            gzip[i] ^= 0x5A;
        }

        var e = Assert.Throws<DlExtFileException>(() => IdxReader.Read(new MemoryStream(gzip), "damaged.gz"));

        Assert.Equal("damaged.gz", e.FilePath);
        Assert.Contains("delete it and download or copy it again", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_as_not_found()
    {
        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.Read("/nonexistent/dlext/x.idx"));
        Assert.Contains("/nonexistent/dlext/x.idx", e.Message, StringComparison.Ordinal);
    }
}
