namespace Interactive.DlExt.Charts;

/// <summary>Small greyscale images in a grid with captions: dataset samples, misclassified examples, first-layer weights.</summary>
public sealed record ImageGrid
{
    /// <summary>The chart title.</summary>
    /// <value>The default is <see langword="null"/> (none).</value>
    public string? Title { get; init; }

    /// <summary>The images, row by row.</summary>
    /// <value>The default is empty, which draws a "no data yet" placeholder.</value>
    public IReadOnlyList<GreyImage> Images { get; init; } = [];

    /// <summary>Images per row (at least 1).</summary>
    /// <value>The default is 8.</value>
    public int Columns { get; init; } = 8;

    /// <summary>Screen pixels per image pixel (1 to 16).</summary>
    /// <value>The default is 3 (a 28 × 28 image shows at 84 × 84).</value>
    public int Scale { get; init; } = 3;

    /// <summary>How the pixels are embedded.</summary>
    /// <value>The default is <see cref="ImageEncoding.Png"/>.</value>
    public ImageEncoding Encoding { get; init; } = ImageEncoding.Png;

    /// <summary>A prefix for the element ids, unique on the page; without one, ids derive from a hash of the content.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Id { get; init; }

    /// <summary>Renders the grid as a standalone &lt;svg&gt; element sized to its content.</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => ImageGridRenderer.Render(this);
}
