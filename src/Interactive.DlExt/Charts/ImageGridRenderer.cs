namespace Interactive.DlExt.Charts;

/// <summary>Lays out and draws an <see cref="ImageGrid"/>.</summary>
internal static class ImageGridRenderer
{
    private const double Gap = 10;
    private const double CaptionHeight = 16;

    public static string Render(ImageGrid grid)
    {
        if (grid.Columns < 1)
        {
            ChartGuard.Fail(nameof(ImageGrid.Columns), $"Columns = {grid.Columns} is not accepted: expected an integer ≥ 1.");
        }

        if (grid.Scale is < 1 or > 16)
        {
            ChartGuard.Fail(nameof(ImageGrid.Scale), $"Scale = {grid.Scale} is not accepted: expected an integer in [1, 16].");
        }

        foreach (var image in grid.Images)
        {
            if (image.Width < 1 || image.Height < 1 || image.Width * image.Height != image.Pixels.Count)
            {
                ChartGuard.Fail(nameof(ImageGrid.Images), $"Image '{image.Caption}' is {image.Width} × {image.Height} but has {image.Pixels.Count} pixels.");
            }
        }

        var count = grid.Images.Count;
        var cellWidth = count == 0 ? 84 : grid.Images.Max(i => i.Width) * grid.Scale;
        var cellHeight = count == 0 ? 84 : grid.Images.Max(i => i.Height) * grid.Scale;
        var hasCaptions = grid.Images.Any(i => !string.IsNullOrEmpty(i.Caption));
        var columns = Math.Max(1, Math.Min(grid.Columns, count));
        var rows = Math.Max(1, (count + columns - 1) / columns);
        var titleHeight = string.IsNullOrEmpty(grid.Title) ? 0 : 30;
        var rowHeight = cellHeight + (hasCaptions ? CaptionHeight : 0) + Gap;
        var width = Math.Max(Gap + (columns * (cellWidth + Gap)), string.IsNullOrEmpty(grid.Title) ? 0 : TextMetrics.Width(grid.Title, ChartFrame.TitleSize) + 20);
        var height = titleHeight + Gap + (rows * rowHeight);
        var writer = new SvgWriter(width, height, grid.Id, grid.Title);
        var top = string.IsNullOrEmpty(grid.Title) ? Gap : ChartFrame.Title(writer, grid.Title, width) + Gap;
        if (count == 0)
        {
            ChartFrame.Placeholder(writer, Gap, top, width - Gap, height - Gap);
            return writer.Finish();
        }

        for (var k = 0; k < count; k++)
        {
            var image = grid.Images[k];
            var x = Gap + ((k % columns) * (cellWidth + Gap));
            var y = top + ((k / columns) * rowHeight);
            var bytes = Quantize(image);
            var hover = string.IsNullOrEmpty(image.Caption) ? $"image {k}" : image.Caption;
            writer.Begin("g").Attr("class", "grid-image").Open();
            if (grid.Encoding == ImageEncoding.Png)
            {
                var png = PngEncoder.EncodeGreyscale(bytes, image.Width, image.Height);
                writer.Begin("image").Attr("x", x).Attr("y", y).Attr("width", image.Width * grid.Scale).Attr("height", image.Height * grid.Scale)
                    .Attr("image-rendering", "pixelated").Attr("preserveAspectRatio", "none")
                    .Attr("href", "data:image/png;base64," + Convert.ToBase64String(png)).WithTitle("image", hover);
            }
            else
            {
                Rectangles(writer, bytes, image.Width, image.Height, x, y, grid.Scale, hover);
            }

            if (!string.IsNullOrEmpty(image.Caption))
            {
                writer.TextAt(x + (cellWidth / 2), y + cellHeight + 12, TextMetrics.Fit(image.Caption, cellWidth + Gap - 2, 10), "middle", ChartFrame.TextColor, 10, "caption");
            }

            writer.End("g");
        }

        return writer.Finish();
    }

    private static byte[] Quantize(GreyImage image)
    {
        var bytes = new byte[image.Pixels.Count];
        for (var i = 0; i < bytes.Length; i++)
        {
            var v = image.Pixels[i];
            bytes[i] = float.IsNaN(v) ? (byte)0 : (byte)Math.Round(Math.Clamp(v, 0f, 1f) * 255f, MidpointRounding.AwayFromZero);
        }

        return bytes;
    }

    private static void Rectangles(SvgWriter writer, byte[] bytes, int width, int height, double x, double y, int scale, string hover)
    {
        // A black backdrop, then one rectangle per run of equal non-black pixels in a row.
        writer.Begin("rect").Attr("x", x).Attr("y", y).Attr("width", width * scale).Attr("height", height * scale).Attr("fill", "#000000")
            .WithTitle("rect", hover);
        writer.Begin("g").Attr("shape-rendering", "crispEdges").Open();
        for (var row = 0; row < height; row++)
        {
            var column = 0;
            while (column < width)
            {
                var value = bytes[(row * width) + column];
                var end = column + 1;
                while (end < width && bytes[(row * width) + end] == value)
                {
                    end++;
                }

                if (value != 0)
                {
                    var grey = value.ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
                    writer.Begin("rect").Attr("x", x + (column * scale)).Attr("y", y + (row * scale)).Attr("width", (end - column) * scale).Attr("height", scale)
                        .Attr("fill", "#" + grey + grey + grey).Empty();
                }

                column = end;
            }
        }

        writer.End("g");
    }
}
