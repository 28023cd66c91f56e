using System.Globalization;
using System.Text;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of a model: the <see cref="ModelSummary"/> table (layers, output shapes, parameter counts)
/// for a built model; for a model not built yet, its layer list and how to build it.
/// </summary>
internal static class ModelView
{
    private const string BuildHint = "Not built yet: output shapes and parameter counts appear after model.Build(inputShape), e.g. model.Build([784]), or after training.";

    public static string Html(Layer layer) => layer is Sequential { IsBuilt: true } model
        ? Html(ModelSummary.Of(model), model.Name)
        : HtmlParts.Wrap("model", html =>
        {
            var layers = layer is Sequential s ? s.Layers : [layer];
            HtmlParts.Title(html, HtmlParts.Encode(layer.Name) + " · " + HtmlParts.Encode(Plural(layers.Count, "layer")));
            var rows = layers.Select((l, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture), l.Name, l.Describe(),
                l.IsBuilt ? "[batch, " + string.Join(", ", l.OutputShape) + "]" : "?"]).ToList();
            HtmlParts.Table(html, ["#", "Name", "Layer", "Output shape"], rows, [true, false, false, false]);
            if (!layer.IsBuilt)
            {
                HtmlParts.Caption(html, BuildHint);
            }
        });

    public static string Html(ModelSummary summary) => Html(summary, "Model");

    public static string Text(Layer layer) => layer is Sequential { IsBuilt: true } model
        ? ModelSummary.Of(model).ToString()
        : layer is Sequential s
            ? $"{s.Name}: {Plural(s.Layers.Count, "layer")} ({string.Join(", ", s.Layers.Select(l => l.Describe()))}). {BuildHint}"
            : layer.Describe();

    private static string Html(ModelSummary summary, string name) => HtmlParts.Wrap("model", html =>
    {
        HtmlParts.Title(html, HtmlParts.Encode(name) + " · " + HtmlParts.Encode(Plural(summary.Rows.Count, "layer"))
            + " · input " + HtmlParts.Encode(WithBatch(summary.InputShape)));
        var rows = summary.Rows.Select(r => (IReadOnlyList<string>)[
            (r.Index + 1).ToString(CultureInfo.InvariantCulture), r.Name, r.Description, WithBatch(r.OutputShape),
            HtmlParts.Count(r.TrainableParameters), HtmlParts.Count(r.NonTrainableParameters)]).ToList();
        HtmlParts.Table(html, ["#", "Name", "Layer", "Output shape", "Trainable", "Non-trainable"], rows, [true, false, false, false, true, true]);
        var total = new StringBuilder();
        total.Append("<b>").Append(HtmlParts.Count(summary.TotalParameters)).Append("</b> parameters (")
            .Append(HtmlParts.Bytes(summary.ParameterBytes)).Append(" as float32): ")
            .Append(HtmlParts.Count(summary.TrainableParameters)).Append(" trainable, ")
            .Append(HtmlParts.Count(summary.NonTrainableParameters)).Append(" non-trainable");
        HtmlParts.Facts(html, total.ToString());
    });

    private static string WithBatch(IReadOnlyList<int> shape) =>
        "[batch" + string.Concat(shape.Select(d => ", " + d.ToString(CultureInfo.InvariantCulture))) + "]";

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
