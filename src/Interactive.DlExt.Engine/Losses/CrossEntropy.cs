using System.Globalization;
using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Softmax cross-entropy computed from logits z (the model's last layer has no softmax), averaged over the batch,
/// like PyTorch's <c>CrossEntropyLoss(label_smoothing=ε)</c>. For an item with class y among C classes:
/// <code>
/// log pₖ = zₖ − m − log Σⱼ exp(zⱼ − m)      m = maxⱼ zⱼ (so no exp overflows)
/// qₖ = (1 − ε)·[k = y] + ε/C                 the (smoothed) one-hot target
/// L = −Σₖ qₖ log pₖ                           averaged over the batch
/// ∂L/∂zₖ = (pₖ − qₖ) / batch
/// </code>
/// Predictions are [batch, C]; targets are class indices stored as floats, [batch] (or [batch, 1]).
/// Sums run in double in a fixed order, with the engine's own exp and log (the same bits on every OS).
/// </summary>
public sealed class CrossEntropy : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="labelSmoothing">ε, in [0, 1): the share of the target spread evenly over all classes. The default is 0.</param>
    public CrossEntropy(double labelSmoothing = 0)
    {
        LabelSmoothing = Guard.InHalfOpen(labelSmoothing, 0, 1, "label smoothing");
    }

    /// <summary>ε, the label smoothing.</summary>
    public double LabelSmoothing { get; }

    /// <inheritdoc />
    public override string Name => "cross-entropy";

    /// <inheritdoc />
    public override string Formula => LabelSmoothing > 0
        ? "L = −Σₖ qₖ log softmax(z)ₖ,  q = (1−ε)·onehot(y) + ε/C"
        : "L = −log softmax(z)_y";

    /// <inheritdoc />
    public override bool IsClassification => true;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override double Compute(Tensor predictions, Tensor targets, Tensor? gradient)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Rank != 2)
        {
            throw new DlExtArgumentException("predictions", Tensor.Describe(predictions.Shape), "logits shaped [batch, classes]");
        }

        var batch = predictions.BatchSize;
        var classes = predictions.ItemLength;
        if (targets.Length != batch)
        {
            throw new DlExtArgumentException("targets", Tensor.Describe(targets.Shape), $"one class index per item, shaped [{batch}]");
        }

        LossShapes.Gradient(predictions, gradient);
        var epsilon = LabelSmoothing;
        double total = 0;
        for (var b = 0; b < batch; b++)
        {
            var label = Label(targets.Data[b], classes, b);
            var z = predictions.Data.AsSpan(b * classes, classes);
            double max = z[0];
            for (var k = 1; k < classes; k++)
            {
                max = Math.Max(max, z[k]);
            }

            double sumExp = 0;
            for (var k = 0; k < classes; k++)
            {
                sumExp += DeterministicMath.Exp(z[k] - max);
            }

            var logSumExp = max + DeterministicMath.Log(sumExp);
            for (var k = 0; k < classes; k++)
            {
                var logP = z[k] - logSumExp;
                var q = (k == label ? 1 - epsilon : 0) + (epsilon / classes);
                total -= q * logP;
                if (gradient is not null)
                {
                    gradient.Data[(b * classes) + k] = (float)((DeterministicMath.Exp(logP) - q) / batch);
                }
            }
        }

        return batch == 0 ? 0 : total / batch;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Label(float value, int classes, int item)
    {
        if (value >= 0 && value < classes && value == MathF.Floor(value))
        {
            return (int)value;
        }

        throw new DlExtArgumentException("label", $"{value.ToString("G6", CultureInfo.InvariantCulture)} (item {item})",
            $"a class index from 0 to {classes - 1} (the model has {classes} outputs)");
    }
}
