using System.Globalization;
using System.Text;

namespace Interactive.DlExt;

/// <summary>
/// A built model's layers with their output shapes and parameter counts, and the totals, like Keras'
/// <c>model.summary()</c>. <see cref="ToString"/> renders an aligned plain-text table.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed class ModelSummary
{
    private ModelSummary(IReadOnlyList<int> inputShape, IReadOnlyList<ModelSummaryRow> rows)
    {
        InputShape = inputShape;
        Rows = rows;
        TrainableParameters = rows.Sum(r => r.TrainableParameters);
        NonTrainableParameters = rows.Sum(r => r.NonTrainableParameters);
    }

    /// <summary>The per-item input shape the model was built for.</summary>
    public IReadOnlyList<int> InputShape { get; }

    /// <summary>One row per top-level layer, in order.</summary>
    public IReadOnlyList<ModelSummaryRow> Rows { get; }

    /// <summary>The number of trained scalars.</summary>
    public long TrainableParameters { get; }

    /// <summary>The number of saved but untrained scalars.</summary>
    public long NonTrainableParameters { get; }

    /// <summary>All scalars, trained or not.</summary>
    public long TotalParameters => TrainableParameters + NonTrainableParameters;

    /// <summary>The memory all parameters take as float32 (4 bytes each), gradients and optimizer state not included.</summary>
    public long ParameterBytes => TotalParameters * sizeof(float);

    /// <summary>Summarises a built model.</summary>
    /// <param name="model">The model; it must be built (<see cref="Sequential.Build"/>) so that shapes are known.</param>
    public static ModelSummary Of(Sequential model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.IsBuilt)
        {
            throw new InvalidOperationException(
                "The model is not built yet, so its shapes are unknown: call model.Build(inputShape) first, e.g. model.Build([784]) or model.Build([1, 28, 28]).");
        }

        var rows = new List<ModelSummaryRow>(model.Layers.Count);
        for (var i = 0; i < model.Layers.Count; i++)
        {
            var layer = model.Layers[i];
            var (trainable, fixedCount) = Count(layer);
            rows.Add(new ModelSummaryRow(i, layer.Name, layer.Describe(), layer.OutputShape.ToArray(), trainable, fixedCount));
        }

        return new ModelSummary(model.InputShape.ToArray(), rows);
    }

    /// <summary>The table, e.g. one line per layer with its output shape and parameter counts, then the totals.</summary>
    public override string ToString()
    {
        string[] header = ["#", "Name", "Layer", "Output shape", "Trainable", "Non-trainable"];
        var cells = Rows.Select(r => new[]
        {
            Number(r.Index), r.Name, r.Description, WithBatch(r.OutputShape),
            Number(r.TrainableParameters), Number(r.NonTrainableParameters),
        }).ToList();
        var widths = header.Select((h, c) => cells.Select(row => row[c].Length).Append(h.Length).Max()).ToArray();
        var rightAligned = new[] { true, false, false, false, true, true };

        string Line(string[] row) => string.Join("  ", row.Select((cell, c) =>
            rightAligned[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd();

        var ruleLength = widths.Sum() + (2 * (widths.Length - 1));
        var text = new StringBuilder();
        text.Append("Input: ").AppendLine(WithBatch(InputShape));
        text.AppendLine(new string('=', ruleLength));
        text.AppendLine(Line(header));
        text.AppendLine(new string('-', ruleLength));
        foreach (var row in cells)
        {
            text.AppendLine(Line(row));
        }

        text.AppendLine(new string('=', ruleLength));
        text.Append("Total parameters: ").Append(Number(TotalParameters))
            .Append(" (").Append(Bytes(ParameterBytes)).AppendLine(" as float32)");
        text.Append("Trainable: ").AppendLine(Number(TrainableParameters));
        text.Append("Non-trainable: ").AppendLine(Number(NonTrainableParameters));
        return text.ToString();
    }

    private static (long Trainable, long NonTrainable) Count(Layer layer)
    {
        long trainable = 0, fixedCount = 0;
        foreach (var p in layer.Parameters)
        {
            if (p.Trainable)
            {
                trainable += p.Length;
            }
            else
            {
                fixedCount += p.Length;
            }
        }

        foreach (var child in layer.Children)
        {
            var (t, f) = Count(child);
            trainable += t;
            fixedCount += f;
        }

        return (trainable, fixedCount);
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string WithBatch(IReadOnlyList<int> shape) =>
        "[batch" + string.Concat(shape.Select(d => ", " + d.ToString(CultureInfo.InvariantCulture))) + "]";

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{Number(bytes)} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB"),
    };
}

/// <summary>The <see cref="ModelSummary"/> shortcut on models.</summary>
public static class ModelSummaryExtensions
{
    /// <summary>Summarises a built model: <c>model.Summary()</c> is <c>ModelSummary.Of(model)</c>.</summary>
    /// <param name="model">The built model.</param>
    public static ModelSummary Summary(this Sequential model) => ModelSummary.Of(model);
}
