namespace Interactive.DlExt;

/// <summary>
/// Binary cross-entropy, averaged over every element (batch × outputs; one output per independent yes/no question).
/// From logits x (the default, like PyTorch's <c>BCEWithLogitsLoss</c>), in the form that never overflows:
/// <code>
/// L = max(x, 0) − x·y + log(1 + e^−|x|)
/// ∂L/∂x = (σ(x) − y) / N
/// </code>
/// From probabilities p (<c>fromLogits: false</c>, after a sigmoid layer), with p clamped to [1e-7, 1 − 1e-7] so
/// the logarithms stay finite:
/// <code>
/// L = −[y·log p + (1 − y)·log(1 − p)]
/// ∂L/∂p = (p − y) / (p(1 − p)) / N
/// </code>
/// Targets are in [0, 1] (usually 0 or 1), shaped like the predictions, or [batch] for [batch, 1] predictions.
/// </summary>
public sealed class BinaryCrossEntropy : Loss
{
    private const double Clamp = 1e-7;

    /// <summary>Creates the loss.</summary>
    /// <param name="fromLogits">Whether predictions are logits (true) or probabilities (false). The default is true.</param>
    public BinaryCrossEntropy(bool fromLogits = true)
    {
        FromLogits = fromLogits;
    }

    /// <summary>Whether predictions are logits rather than probabilities.</summary>
    public bool FromLogits { get; }

    /// <inheritdoc />
    public override string Name => "binary-cross-entropy";

    /// <inheritdoc />
    public override string Formula => FromLogits
        ? "L = max(x, 0) − x·y + log(1 + e^−|x|)"
        : "L = −[y·log p + (1 − y)·log(1 − p)]";

    /// <inheritdoc />
    public override double Compute(Tensor predictions, Tensor targets, Tensor? gradient)
    {
        LossShapes.SameLength(predictions, targets);
        LossShapes.Gradient(predictions, gradient);
        var n = predictions.Length;
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            double y = targets.Data[i];
            if (!(y >= 0 && y <= 1))
            {
                throw new DlExtArgumentException("target", $"{Guard.Text(y)} (value {i})", "a number from 0 to 1");
            }

            double loss, slope;
            if (FromLogits)
            {
                double x = predictions.Data[i];
                loss = Math.Max(x, 0) - (x * y) + DeterministicMath.Log(1 + DeterministicMath.Exp(-Math.Abs(x)));
                slope = Sigmoid(x) - y;
            }
            else
            {
                var p = Math.Clamp(predictions.Data[i], Clamp, 1 - Clamp);
                loss = -((y * DeterministicMath.Log(p)) + ((1 - y) * DeterministicMath.Log(1 - p)));
                slope = (p - y) / (p * (1 - p));
            }

            total += loss;
            if (gradient is not null)
            {
                gradient.Data[i] = (float)(slope / n);
            }
        }

        return n == 0 ? 0 : total / n;
    }

    // Written in two halves so that e^(−x) never overflows.
    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + DeterministicMath.Exp(-x)) : DeterministicMath.Exp(x) / (1 + DeterministicMath.Exp(x));
}
