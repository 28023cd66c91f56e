using System.Text;
using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of a <see cref="Dataset"/>: name, size and item shape, the class balance as a bar chart, and
/// sample images when the items are images: shape [1, H, W] or [H, W], or a flat vector of a square
/// length ≥ 64 (8 × 8 digits, 28 × 28 MNIST).
/// </summary>
internal static class DatasetView
{
    internal const int MaxSamples = 20;
    internal const int SamplesPerClass = 2;

    public static string Html(Dataset data) => HtmlParts.Wrap("dataset", html =>
    {
        HtmlParts.Title(html, "Dataset " + HtmlParts.Encode(data.Name));
        HtmlParts.Facts(html, HtmlParts.Encode(Facts(data)));
        if (data.IsClassification)
        {
            var counts = ClassCounts(data);
            HtmlParts.Chart(html, new BarChart
            {
                Title = "Samples per class",
                Labels = data.ClassNames,
                Values = counts.Select(c => (double)c).ToArray(),
                ValueLabel = "samples",
            }.ToSvg());
        }

        if (ImageSize(data.ItemShape) is { } size && data.Count > 0)
        {
            HtmlParts.Chart(html, SampleGrid(data, size).ToSvg());
        }
    });

    public static string Text(Dataset data)
    {
        var text = new StringBuilder(data.Name).Append(": ").Append(Facts(data));
        if (data.IsClassification)
        {
            var counts = ClassCounts(data);
            text.AppendLine().Append("per class: ")
                .Append(string.Join(", ", data.ClassNames.Select((n, i) => $"{n} {counts[i]}")));
        }

        return text.ToString();
    }

    /// <summary>(height, width) when the items are greyscale images, else null.</summary>
    internal static (int Height, int Width)? ImageSize(IReadOnlyList<int> itemShape)
    {
        switch (itemShape.Count)
        {
            case 3 when itemShape[0] == 1 && itemShape[1] > 1 && itemShape[2] > 1:
                return (itemShape[1], itemShape[2]);
            case 2 when itemShape[0] > 1 && itemShape[1] > 1:
                return (itemShape[0], itemShape[1]);
            case 1:
                var side = (int)Math.Round(Math.Sqrt(itemShape[0]));
                return side >= 8 && side * side == itemShape[0] ? (side, side) : null;
            default:
                return null;
        }
    }

    private static string Facts(Dataset data) =>
        $"{HtmlParts.Count(data.Count)} samples · item shape {HtmlParts.Shape(data.ItemShape)}"
        + (data.IsClassification ? $" · {data.ClassCount} classes" : $" · targets {HtmlParts.Shape(data.Targets.ItemShape())}");

    private static int[] ClassCounts(Dataset data)
    {
        var counts = new int[data.ClassCount];
        foreach (var label in data.Targets.Data)
        {
            counts[(int)label]++;
        }

        return counts;
    }

    /// <summary>The first two samples of each class (or the first ones), up to 20, scaled to [0, 1] together.</summary>
    private static ImageGrid SampleGrid(Dataset data, (int Height, int Width) size)
    {
        var picked = new List<int>();
        var perClass = new int[Math.Max(1, data.ClassCount)];
        for (var i = 0; i < data.Count && picked.Count < MaxSamples; i++)
        {
            var c = data.IsClassification ? (int)data.Targets.Data[i] : 0;
            if (!data.IsClassification || perClass[c] < SamplesPerClass)
            {
                perClass[c]++;
                picked.Add(i);
            }
        }

        var length = data.Features.ItemLength;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (var i in picked)
        {
            foreach (var v in data.Features.Data.AsSpan(i * length, length))
            {
                if (float.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }

        var scale = max > min ? 1 / (max - min) : 1;
        var images = picked.Select(i =>
        {
            var pixels = new float[length];
            for (var p = 0; p < length; p++)
            {
                pixels[p] = (data.Features.Data[(i * length) + p] - min) * scale;
            }

            return new GreyImage(size.Width, size.Height, pixels, data.IsClassification ? data.ClassNames[(int)data.Targets.Data[i]] : $"#{i}");
        }).ToList();
        return new ImageGrid
        {
            Title = "Samples",
            Images = images,
            Columns = 10,
            Scale = Math.Clamp(56 / Math.Max(size.Height, size.Width), 1, 6),
        };
    }
}
