using System.Globalization;
using System.Text;

namespace Interactive.DlExt;

/// <summary>Counts of (actual class, predicted class) pairs, with per-class precision, recall and F1.</summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    internal ConfusionMatrix(IReadOnlyList<string> classNames)
    {
        ClassNames = classNames;
        _counts = new int[classNames.Count, classNames.Count];
    }

    /// <summary>The class names, in index order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>The number of samples counted.</summary>
    public int Total { get; private set; }

    /// <summary>How many samples of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>The fraction of samples on the diagonal.</summary>
    public double Accuracy
    {
        get
        {
            var correct = 0;
            for (var c = 0; c < ClassCount; c++)
            {
                correct += _counts[c, c];
            }

            return Total == 0 ? 0 : (double)correct / Total;
        }
    }

    /// <summary>Of the samples predicted as class <paramref name="c"/>, the fraction that were (0 when none was predicted).</summary>
    public double Precision(int c)
    {
        var predicted = 0;
        for (var a = 0; a < ClassCount; a++)
        {
            predicted += _counts[a, c];
        }

        return predicted == 0 ? 0 : (double)_counts[c, c] / predicted;
    }

    /// <summary>Of the samples of class <paramref name="c"/>, the fraction predicted as such (0 when the class is absent).</summary>
    public double Recall(int c)
    {
        var actual = 0;
        for (var p = 0; p < ClassCount; p++)
        {
            actual += _counts[c, p];
        }

        return actual == 0 ? 0 : (double)_counts[c, c] / actual;
    }

    /// <summary>The harmonic mean of precision and recall for class <paramref name="c"/>.</summary>
    public double F1(int c)
    {
        var p = Precision(c);
        var r = Recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>A plain-text table: rows are actual classes, columns predicted.</summary>
    public override string ToString()
    {
        var width = Math.Max(5, ClassNames.Max(n => n.Length) + 1);
        var sb = new StringBuilder();
        sb.Append("actual \\ predicted".PadRight(width + 2));
        foreach (var n in ClassNames)
        {
            sb.Append(n.PadLeft(width));
        }

        sb.AppendLine();
        for (var a = 0; a < ClassCount; a++)
        {
            sb.Append(ClassNames[a].PadRight(width + 2));
            for (var p = 0; p < ClassCount; p++)
            {
                sb.Append(_counts[a, p].ToString(CultureInfo.InvariantCulture).PadLeft(width));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    internal void Add(int actual, int predicted)
    {
        _counts[actual, predicted]++;
        Total++;
    }
}
