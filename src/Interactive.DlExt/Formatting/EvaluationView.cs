using System.Globalization;
using System.Text;
using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of an <see cref="EvaluationResult"/> or a <see cref="ConfusionMatrix"/>: the metrics, the
/// per-class precision, recall and F1, and the confusion matrix as a heatmap with the class names.
/// </summary>
internal static class EvaluationView
{
    public static string Html(EvaluationResult result) => HtmlParts.Wrap("evaluation", html =>
    {
        HtmlParts.Title(html, "Evaluation on " + HtmlParts.Encode(result.DataName));
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "samples", HtmlParts.Count(result.Count) },
            new[] { result.LossName, HtmlParts.Number(result.Loss, "G5") },
        };
        if (result.Accuracy is { } accuracy)
        {
            rows.Add(["accuracy", HtmlParts.Percent(accuracy)]);
        }

        HtmlParts.Table(html, ["metric", "value"], rows, [false, true]);
        if (result.ConfusionMatrix is { } matrix)
        {
            Body(html, matrix);
        }

        if (result.Manifest is { } manifest)
        {
            ManifestView.Html(html, manifest);
        }
    });

    public static string Html(ConfusionMatrix matrix) => HtmlParts.Wrap("evaluation", html =>
    {
        HtmlParts.Title(html, "Confusion matrix · " + HtmlParts.Encode($"{HtmlParts.Count(matrix.Total)} samples, accuracy {HtmlParts.Percent(matrix.Accuracy)}"));
        Body(html, matrix);
    });

    public static string Text(EvaluationResult result)
    {
        var text = new StringBuilder(result.ToString());
        if (result.ConfusionMatrix is { } matrix)
        {
            text.AppendLine().Append(PerClassLine(matrix));
        }

        return text.ToString();
    }

    public static string Text(ConfusionMatrix matrix) =>
        string.Create(CultureInfo.InvariantCulture, $"Confusion matrix: {matrix.Total} samples, accuracy {matrix.Accuracy:P2}") + Environment.NewLine + matrix;

    internal static Heatmap ConfusionHeatmap(ConfusionMatrix matrix)
    {
        var values = new double[matrix.ClassCount, matrix.ClassCount];
        for (var a = 0; a < matrix.ClassCount; a++)
        {
            for (var p = 0; p < matrix.ClassCount; p++)
            {
                values[a, p] = matrix[a, p];
            }
        }

        return new Heatmap
        {
            Title = "Confusion matrix",
            Values = values,
            RowLabels = matrix.ClassNames,
            ColumnLabels = matrix.ClassNames,
            RowTitle = "actual",
            ColumnTitle = "predicted",
            ValueLabel = "samples",
        };
    }

    private static void Body(StringBuilder html, ConfusionMatrix matrix)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (var c = 0; c < matrix.ClassCount; c++)
        {
            var support = 0;
            for (var p = 0; p < matrix.ClassCount; p++)
            {
                support += matrix[c, p];
            }

            rows.Add([matrix.ClassNames[c], HtmlParts.Number(matrix.Precision(c), "0.000"), HtmlParts.Number(matrix.Recall(c), "0.000"),
                HtmlParts.Number(matrix.F1(c), "0.000"), HtmlParts.Count(support)]);
        }

        html.Append("<div style=\"display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start\"><div>");
        HtmlParts.Table(html, ["class", "precision", "recall", "F1", "support"], rows, [false, true, true, true, true]);
        html.Append("</div><div>").Append(ConfusionHeatmap(matrix).ToSvg()).Append("</div></div>");
    }

    private static string PerClassLine(ConfusionMatrix matrix) =>
        "F1 per class: " + string.Join(", ", Enumerable.Range(0, matrix.ClassCount).Select(c => $"{matrix.ClassNames[c]} {HtmlParts.Number(matrix.F1(c), "0.000")}"));
}
