using Interactive.DlExt.Charts;

namespace Interactive.DlExt.ChartBench;

/// <summary>Representative charts built from deterministic synthetic training curves.</summary>
internal static class SampleCharts
{
    /// <summary>100 epochs of train/validation loss, 1,000 noisy per-step losses and a cosine learning rate.</summary>
    public static LineChart TrainingRun(int epochs = 100, int stepsPerEpoch = 10)
    {
        var steps = epochs * stepsPerEpoch;
        var stepX = new double[steps];
        var stepLoss = new double[steps];
        var learningRate = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var t = (i + 1) / (double)stepsPerEpoch;
            stepX[i] = t;
            // A fixed pseudo-noise (no RNG needed): a sum of incommensurate sines.
            var noise = 0.08 * Math.Sin(i * 1.7) + 0.05 * Math.Sin(i * 0.37 + 1) + 0.03 * Math.Sin(i * 5.3);
            stepLoss[i] = (2.3 * Math.Exp(-t / 15)) + 0.25 + noise;
            learningRate[i] = 0.05 * 0.5 * (1 + Math.Cos(Math.PI * i / steps));
        }

        var epochX = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        var train = epochX.Select(e => (2.3 * Math.Exp(-e / 15)) + 0.25).ToArray();
        var validation = epochX.Select(e => (2.2 * Math.Exp(-e / 14)) + 0.32 + (0.0009 * Math.Max(0, e - 45) * Math.Max(0, e - 45) / 10)).ToArray();
        var best = Array.IndexOf(validation, validation.Min());
        return new LineChart
        {
            Title = "Loss per epoch",
            XLabel = "epoch",
            YLabel = "loss",
            Id = "run1",
            Series =
            [
                new LineSeries("train (per step)", stepX, stepLoss) { Smoothing = 0.9 },
                new LineSeries("train", epochX, train),
                new LineSeries("validation", epochX, validation) { Dashed = true },
            ],
            EpochBoundaries = epochX,
            PointMarkers = [new PointMarker(epochX[best], validation[best], $"best: epoch {best + 1}")],
            VerticalMarkers = [new VerticalMarker(epochX[best] + 10, "early stop")],
            LowerPanel = new LineChartPanel { YLabel = "learning rate", Series = [new LineSeries("learning rate", stepX, learningRate)] },
        };
    }
}
