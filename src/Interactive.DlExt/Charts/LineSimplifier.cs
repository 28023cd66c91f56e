namespace Interactive.DlExt.Charts;

/// <summary>
/// Thins a polyline in pixel space without changing how it looks: first the first/min/max/last point of
/// each pixel-wide bucket (M4: keeps every spike of a noisy training loss), then Ramer–Douglas–Peucker with
/// a tolerance under a pixel (0.75 by default) (removes the many points of smooth stretches such as an EMA or a schedule).
/// </summary>
internal static class LineSimplifier
{
    /// <summary>Simplifies points sorted by x; <paramref name="bucketWidth"/> and <paramref name="tolerance"/> are pixels.</summary>
    public static List<(double X, double Y)> Simplify(List<(double X, double Y)> points, double bucketWidth = 1, double tolerance = 0.75)
    {
        if (points.Count <= 3)
        {
            return points;
        }

        var bucketed = Bucket(points, bucketWidth);
        var keep = new bool[bucketed.Count];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int From, int To)>();
        stack.Push((0, bucketed.Count - 1));
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            var (index, distance) = Farthest(bucketed, from, to);
            if (index > 0 && distance > tolerance)
            {
                keep[index] = true;
                stack.Push((from, index));
                stack.Push((index, to));
            }
        }

        var result = new List<(double X, double Y)>();
        for (var i = 0; i < bucketed.Count; i++)
        {
            if (keep[i])
            {
                result.Add(bucketed[i]);
            }
        }

        return result;
    }

    /// <summary>Only the minimum and maximum of each <paramref name="bucketWidth"/>-pixel bucket, in the order they occur.</summary>
    public static List<(double X, double Y)> Envelope(List<(double X, double Y)> points, double bucketWidth)
    {
        var result = new List<(double X, double Y)>();
        var start = 0;
        while (start < points.Count)
        {
            var bucket = Math.Floor(points[start].X / bucketWidth);
            int end = start + 1, min = start, max = start;
            while (end < points.Count && Math.Floor(points[end].X / bucketWidth) == bucket)
            {
                min = points[end].Y < points[min].Y ? end : min;
                max = points[end].Y > points[max].Y ? end : max;
                end++;
            }

            result.Add(points[Math.Min(min, max)]);
            if (min != max)
            {
                result.Add(points[Math.Max(min, max)]);
            }

            start = end;
        }

        return result;
    }

    private static List<(double X, double Y)> Bucket(List<(double X, double Y)> points, double bucketWidth)
    {
        var result = new List<(double X, double Y)>(Math.Min(points.Count, 4096));
        var start = 0;
        while (start < points.Count)
        {
            var bucket = Math.Floor(points[start].X / bucketWidth);
            var end = start + 1;
            while (end < points.Count && Math.Floor(points[end].X / bucketWidth) == bucket)
            {
                end++;
            }

            if (end - start <= 4)
            {
                for (var i = start; i < end; i++)
                {
                    result.Add(points[i]);
                }
            }
            else
            {
                int min = start, max = start;
                for (var i = start + 1; i < end; i++)
                {
                    if (points[i].Y < points[min].Y)
                    {
                        min = i;
                    }

                    if (points[i].Y > points[max].Y)
                    {
                        max = i;
                    }
                }

                // First, the extremes in the order they occur, last: the line still enters and leaves correctly.
                result.Add(points[start]);
                foreach (var i in min < max ? [min, max] : new[] { max, min })
                {
                    if (i != start && i != end - 1)
                    {
                        result.Add(points[i]);
                    }
                }

                result.Add(points[end - 1]);
            }

            start = end;
        }

        return result;
    }

    private static (int Index, double Distance) Farthest(List<(double X, double Y)> points, int from, int to)
    {
        var (ax, ay) = points[from];
        var (bx, by) = points[to];
        double dx = bx - ax, dy = by - ay;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        int best = -1;
        double bestDistance = 0;
        for (var i = from + 1; i < to; i++)
        {
            var (px, py) = points[i];
            var distance = length < 1e-12
                ? Math.Sqrt(((px - ax) * (px - ax)) + ((py - ay) * (py - ay)))
                : Math.Abs((dy * px) - (dx * py) + (bx * ay) - (by * ax)) / length;
            if (distance > bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        return (best, bestDistance);
    }
}
