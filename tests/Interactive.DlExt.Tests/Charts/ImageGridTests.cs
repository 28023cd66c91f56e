using System.Buffers.Binary;
using System.IO.Compression;
using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class ImageGridTests
{
    [Fact]
    public void Png_has_signature_header_and_chunk_crcs_and_its_zlib_data_holds_the_filtered_rows()
    {
        byte[] pixels = [0, 64, 128, 255, 10, 20];

        var png = PngEncoder.EncodeGreyscale(pixels, 3, 2);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        // IEND's CRC is a constant of the format (PNG specification, 11.2.5).
        Assert.Equal(0xAE426082u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(png.Length - 4)));
        var idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT"u8.ToArray(), png[37..41]);
        using var zlib = new ZLibStream(new MemoryStream(png[41..(41 + idatLength)]), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        Assert.Equal(new byte[] { 0, 0, 64, 128, 0, 255, 10, 20 }, raw.ToArray());
        Assert.Equal(PngEncoder.Crc32("IDAT"u8, png.AsSpan(41, idatLength)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(41 + idatLength)));
    }

    [Fact]
    public void Png_grid_embeds_one_image_per_sample_with_caption_and_hover()
    {
        var root = Svg.Parse(ChartSamples.Images().ToSvg());

        var images = root.QuerySelectorAll("image");
        Assert.Equal(4, images.Length);
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", images[0].GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("84", images[0].GetAttribute("width"));
        Assert.Equal(["ring 0", "ring 1", "ring 2", "ring 3"], Svg.Texts(root, ".caption"));
        Assert.Equal("ring 0", images[0].QuerySelector("title")!.TextContent);
    }

    [Fact]
    public void Rectangle_grid_has_no_embedded_image_and_merges_equal_runs()
    {
        var image = new GreyImage(4, 1, [1f, 1f, 0f, 0.5f], "run");

        var root = Svg.Parse(new ImageGrid { Images = [image], Encoding = ImageEncoding.Rectangles, Scale = 2 }.ToSvg());

        Assert.Empty(root.QuerySelectorAll("image"));
        var pixels = root.QuerySelectorAll(".grid-image g rect");
        Assert.Equal(2, pixels.Length);
        Assert.Equal("4", pixels[0].GetAttribute("width"));
        Assert.Equal("#808080", pixels[1].GetAttribute("fill"));
    }

    [Fact]
    public void Pixel_count_must_match_the_size()
    {
        var error = Assert.Throws<ArgumentException>(() => new ImageGrid { Images = [new GreyImage(28, 28, new float[10], "bad")] }.ToSvg());

        Assert.Contains("28 × 28 but has 10 pixels", error.Message, StringComparison.Ordinal);
    }
}
