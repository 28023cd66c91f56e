namespace Interactive.DlExt.Charts;

/// <summary>Writes one data series as a simplified SVG path, splitting at values that cannot be drawn.</summary>
internal static class SeriesPath
{
    /// <summary>
    /// Writes the path and returns the pixel positions of isolated points (a single finite value between
    /// gaps), which a path cannot show and the caller draws as dots.
    /// </summary>
    public static List<(double X, double Y)> Write(
        SvgWriter writer, IReadOnlyList<double> xs, IReadOnlyList<double> ys, AxisScale xScale, AxisScale yScale,
        string cssClass, string color, double strokeWidth, double opacity, bool dashed, string? title, bool rawDetail = false)
    {
        var isolated = new List<(double X, double Y)>();
        var segment = new List<(double X, double Y)>();
        var path = new PathBuilder(writer.Builder);
        writer.Begin("path").Attr("class", cssClass).Attr("fill", "none").Attr("stroke", color).Attr("stroke-width", strokeWidth)
            .Attr("stroke-linejoin", "round");
        if (opacity < 1)
        {
            writer.Attr("stroke-opacity", opacity);
        }

        if (dashed)
        {
            writer.Attr("stroke-dasharray", "6 4");
        }

        writer.BeginAttr("d");
        var any = false;
        for (var i = 0; i <= xs.Count; i++)
        {
            var px = i < xs.Count ? xScale.Map(xs[i]) : double.NaN;
            var py = i < xs.Count && double.IsFinite(ys[i]) ? yScale.Map(ys[i]) : double.NaN;
            if (double.IsFinite(px) && double.IsFinite(py))
            {
                segment.Add((px, py));
                continue;
            }

            if (segment.Count == 1)
            {
                isolated.Add(segment[0]);
            }
            else if (segment.Count > 1)
            {
                any = true;
                // A faint raw line behind its average only needs its envelope: min and max per 3 pixels.
                var simplified = rawDetail ? LineSimplifier.Envelope(segment, 3) : LineSimplifier.Simplify(segment);
                path.MoveTo(simplified[0].X, simplified[0].Y);
                for (var j = 1; j < simplified.Count; j++)
                {
                    path.LineTo(simplified[j].X, simplified[j].Y);
                }
            }

            segment.Clear();
        }

        if (!any)
        {
            // An empty "d" is valid SVG and keeps one path per series for readers counting series.
            writer.Builder.Append("M0 0");
        }

        writer.EndAttr();
        if (title is null)
        {
            writer.Empty();
        }
        else
        {
            writer.WithTitle("path", title);
        }

        return isolated;
    }

    /// <summary>Writes dots with hover titles.</summary>
    public static void Dots(SvgWriter writer, IEnumerable<(double X, double Y, string Title)> dots, string color, double radius, string cssClass)
    {
        writer.Begin("g").Attr("class", cssClass).Attr("fill", color).Open();
        foreach (var (x, y, title) in dots)
        {
            writer.Begin("circle").Attr("cx", x).Attr("cy", y).Attr("r", radius).WithTitle("circle", title);
        }

        writer.End("g");
    }
}
