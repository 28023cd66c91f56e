namespace Interactive.DlExt.Charts;

/// <summary>
/// Filled marching squares: the region of a sampled grid where the value is at least a threshold, as
/// polygons. Each cell contributes the part of it above the threshold (corners inside plus the edge points
/// found by linear interpolation); fully inside cells are merged into row runs to keep the path short.
/// Painting the regions of increasing thresholds on top of each other gives a filled contour plot.
/// </summary>
internal static class MarchingSquares
{
    /// <summary>Writes the region where <paramref name="values"/>[row, column] ≥ <paramref name="threshold"/> (NaN counts as below).</summary>
    /// <param name="path">Receives the polygons.</param>
    /// <param name="values">The samples, [row, column].</param>
    /// <param name="columnPixels">The pixel x of each column.</param>
    /// <param name="rowPixels">The pixel y of each row.</param>
    /// <param name="threshold">The level.</param>
    /// <returns>Whether anything was written.</returns>
    public static bool FillAbove(PathBuilder path, double[,] values, double[] columnPixels, double[] rowPixels, double threshold)
    {
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var wrote = false;
        Span<(double X, double Y)> polygon = stackalloc (double X, double Y)[8];
        for (var i = 0; i + 1 < rows; i++)
        {
            var j = 0;
            while (j + 1 < columns)
            {
                var (a, b, c, d) = (values[i, j], values[i, j + 1], values[i + 1, j + 1], values[i + 1, j]);
                bool ia = a >= threshold, ib = b >= threshold, ic = c >= threshold, id = d >= threshold;
                if (ia && ib && ic && id)
                {
                    var end = j + 1;
                    while (end + 1 < columns && values[i, end + 1] >= threshold && values[i + 1, end + 1] >= threshold)
                    {
                        end++;
                    }

                    path.MoveTo(columnPixels[j], rowPixels[i]);
                    path.LineTo(columnPixels[end], rowPixels[i]);
                    path.LineTo(columnPixels[end], rowPixels[i + 1]);
                    path.LineTo(columnPixels[j], rowPixels[i + 1]);
                    path.Close();
                    wrote = true;
                    j = end;
                    continue;
                }

                if (ia || ib || ic || id)
                {
                    (double X, double Y, double V, bool In) p0 = (columnPixels[j], rowPixels[i], a, ia);
                    (double X, double Y, double V, bool In) p1 = (columnPixels[j + 1], rowPixels[i], b, ib);
                    (double X, double Y, double V, bool In) p2 = (columnPixels[j + 1], rowPixels[i + 1], c, ic);
                    (double X, double Y, double V, bool In) p3 = (columnPixels[j], rowPixels[i + 1], d, id);
                    var saddle = (ia && ic && !ib && !id) || (ib && id && !ia && !ic);

                    // An ambiguous saddle whose centre is below the threshold is two separate corners, not one band.
                    if (saddle && ((a + b + c + d) / 4) < threshold)
                    {
                        if (ia)
                        {
                            Emit(path, Corner(p3, p0, p1, threshold, polygon));
                            Emit(path, Corner(p1, p2, p3, threshold, polygon));
                        }
                        else
                        {
                            Emit(path, Corner(p0, p1, p2, threshold, polygon));
                            Emit(path, Corner(p2, p3, p0, threshold, polygon));
                        }
                    }
                    else
                    {
                        var count = 0;
                        Walk(p0, p1, threshold, polygon, ref count);
                        Walk(p1, p2, threshold, polygon, ref count);
                        Walk(p2, p3, threshold, polygon, ref count);
                        Walk(p3, p0, threshold, polygon, ref count);
                        Emit(path, polygon[..count]);
                    }

                    wrote = true;
                }

                j++;
            }
        }

        return wrote;
    }

    /// <summary>Adds <paramref name="from"/> when inside, then the crossing on the edge to <paramref name="to"/> if there is one.</summary>
    private static void Walk((double X, double Y, double V, bool In) from, (double X, double Y, double V, bool In) to, double threshold, Span<(double X, double Y)> polygon, ref int count)
    {
        if (from.In)
        {
            polygon[count++] = (from.X, from.Y);
        }

        if (from.In != to.In)
        {
            polygon[count++] = Crossing(from, to, threshold);
        }
    }

    /// <summary>The triangle cut off at the inside corner <paramref name="corner"/> between its two neighbours.</summary>
    private static Span<(double X, double Y)> Corner((double X, double Y, double V, bool In) before, (double X, double Y, double V, bool In) corner, (double X, double Y, double V, bool In) after, double threshold, Span<(double X, double Y)> polygon)
    {
        polygon[0] = Crossing(before, corner, threshold);
        polygon[1] = (corner.X, corner.Y);
        polygon[2] = Crossing(corner, after, threshold);
        return polygon[..3];
    }

    private static (double X, double Y) Crossing((double X, double Y, double V, bool In) from, (double X, double Y, double V, bool In) to, double threshold)
    {
        // NaN corners count as "below"; the crossing then sits mid-edge.
        var t = double.IsFinite(from.V) && double.IsFinite(to.V) && to.V != from.V ? (threshold - from.V) / (to.V - from.V) : 0.5;
        t = Math.Clamp(t, 0, 1);
        return (from.X + ((to.X - from.X) * t), from.Y + ((to.Y - from.Y) * t));
    }

    private static void Emit(PathBuilder path, ReadOnlySpan<(double X, double Y)> polygon)
    {
        path.MoveTo(polygon[0].X, polygon[0].Y);
        for (var k = 1; k < polygon.Length; k++)
        {
            path.LineTo(polygon[k].X, polygon[k].Y);
        }

        path.Close();
    }
}
