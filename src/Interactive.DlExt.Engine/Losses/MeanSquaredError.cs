namespace Interactive.DlExt;

/// <summary>
/// Mean squared error, averaged over every element (batch × outputs), like PyTorch's <c>MSELoss()</c> and
/// Keras's <c>mean_squared_error</c> (mean over outputs, then over the batch):
/// <code>
/// L = (1/N) Σᵢ (pᵢ − yᵢ)²        N = number of predicted values
/// ∂L/∂pᵢ = 2(pᵢ − yᵢ) / N
/// </code>
/// Targets hold one value per prediction (shaped like the predictions, or [batch] for [batch, 1] predictions).
/// </summary>
public sealed class MeanSquaredError : Loss
{
    /// <inheritdoc />
    public override string Name => "mse";

    /// <inheritdoc />
    public override string Formula => "L = (1/N) Σ (p − y)²";

    /// <inheritdoc />
    public override double Compute(Tensor predictions, Tensor targets, Tensor? gradient)
    {
        LossShapes.SameLength(predictions, targets);
        LossShapes.Gradient(predictions, gradient);
        var p = predictions.Data;
        var y = targets.Data;
        var n = p.Length;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            double error = p[i] - y[i];
            sum += error * error;
            if (gradient is not null)
            {
                gradient.Data[i] = (float)(2 * error / n);
            }
        }

        return n == 0 ? 0 : sum / n;
    }
}
