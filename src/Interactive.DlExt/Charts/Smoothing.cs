namespace Interactive.DlExt.Charts;

/// <summary>
/// Debiased exponential moving average, as TensorBoard smooths a noisy loss:
/// s_t = β s_{t−1} + (1 − β) y_t, shown as s_t / (1 − β^t) so the start is not pulled towards zero.
/// Non-finite values are skipped (they stay gaps in the raw line and do not poison the average).
/// </summary>
internal static class Smoothing
{
    public static double[] ExponentialMovingAverage(IReadOnlyList<double> values, double beta)
    {
        var result = new double[values.Count];
        double average = 0, weight = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var y = values[i];
            if (!double.IsFinite(y))
            {
                result[i] = double.NaN;
                continue;
            }

            average = (beta * average) + ((1 - beta) * y);
            weight = (beta * weight) + (1 - beta);
            result[i] = average / weight;
        }

        return result;
    }
}
