using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Tests.Charts;

/// <summary>
/// Representative charts from deterministic synthetic data. Every user-visible string goes through
/// <c>text</c>, so the security test can push hostile strings through every field of every chart.
/// </summary>
public static class ChartSamples
{
    private static string Same(string s) => s;

    /// <summary>100 epochs: noisy per-step loss with EMA, train and validation per epoch, markers and a learning-rate panel.</summary>
    public static LineChart TrainingRun(Func<string, string>? text = null, bool panel = true)
    {
        text ??= Same;
        const int epochs = 100, stepsPerEpoch = 10, steps = epochs * stepsPerEpoch;
        var stepX = new double[steps];
        var stepLoss = new double[steps];
        var learningRate = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            var t = (i + 1) / (double)stepsPerEpoch;
            stepX[i] = t;
            var noise = (0.08 * Math.Sin(i * 1.7)) + (0.05 * Math.Sin((i * 0.37) + 1)) + (0.03 * Math.Sin(i * 5.3));
            stepLoss[i] = (2.3 * Math.Exp(-t / 15)) + 0.25 + noise;
            learningRate[i] = 0.05 * 0.5 * (1 + Math.Cos(Math.PI * i / steps));
        }

        var epochX = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        var train = epochX.Select(e => (2.3 * Math.Exp(-e / 15)) + 0.25).ToArray();
        var validation = epochX.Select(e => (2.2 * Math.Exp(-e / 14)) + 0.32 + (0.00009 * Math.Pow(Math.Max(0, e - 45), 2))).ToArray();
        var best = Array.IndexOf(validation, validation.Min());
        return new LineChart
        {
            Title = text("Loss per epoch"),
            XLabel = text("epoch"),
            YLabel = text("loss"),
            Id = "run1",
            Series =
            [
                new LineSeries(text("train (per step)"), stepX, stepLoss) { Smoothing = 0.9 },
                new LineSeries(text("train"), epochX, train),
                new LineSeries(text("validation"), epochX, validation) { Dashed = true },
            ],
            EpochBoundaries = epochX,
            PointMarkers = [new PointMarker(epochX[best], validation[best], text($"best: epoch {best + 1}"))],
            VerticalMarkers = [new VerticalMarker(epochX[best] + 10, text("early stop"))],
            LowerPanel = panel ? new LineChartPanel { YLabel = text("learning rate"), Series = [new LineSeries(text("learning rate"), stepX, learningRate)] } : null,
        };
    }

    /// <summary>A learning-rate sweep: validation loss against a log-spaced learning rate, coloured by batch size.</summary>
    public static ScatterChart LearningRateSweep(Func<string, string>? text = null)
    {
        text ??= Same;
        var rates = Enumerable.Range(0, 24).Select(i => Math.Pow(10, -5 + (i * 4.5 / 23))).ToArray();
        var batch = Enumerable.Range(0, 24).Select(i => (double)(16 << (i % 4))).ToArray();
        var loss = rates.Select((r, i) => 0.3 + (0.12 * Math.Pow(Math.Log10(r) + 2.2, 2)) + (0.02 * (i % 4))).ToArray();
        return new ScatterChart
        {
            Title = text("Learning-rate sweep"),
            XLabel = text("learning rate"),
            YLabel = text("validation loss"),
            X = rates,
            Y = loss,
            LogX = true,
            ColorValues = batch,
            ColorLabel = text("batch size"),
            PointLabels = rates.Select((_, i) => text($"trial {i}")).ToArray(),
            Id = "sweep",
        };
    }

    /// <summary>A 10-class confusion matrix with Fashion-MNIST's class names.</summary>
    public static Heatmap ConfusionMatrix(Func<string, string>? text = null)
    {
        text ??= Same;
        string[] classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
        var values = new double[10, 10];
        for (var i = 0; i < 10; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                values[i, j] = i == j ? 850 + (13 * i % 120) : ((i * 7) + (j * 3)) % 11 == 0 ? 41 + i : (i + j) % 5;
            }
        }

        return new Heatmap
        {
            Title = text("Confusion matrix"),
            Values = values,
            RowLabels = classes.Select(text).ToArray(),
            ColumnLabels = classes.Select(text).ToArray(),
            RowTitle = text("true class"),
            ColumnTitle = text("predicted class"),
            ValueLabel = text("count"),
            Id = "confusion",
        };
    }

    /// <summary>Parameter importance.</summary>
    public static BarChart Importance(Func<string, string>? text = null)
    {
        text ??= Same;
        return new BarChart
        {
            Title = text("Hyperparameter importance"),
            Labels = [text("learning rate"), text("batch size"), text("weight decay"), text("optimizer")],
            Values = [0.62, 0.21, 0.12, 0.05],
            ValueLabel = text("importance"),
            Id = "importance",
        };
    }

    /// <summary>Twenty trials over a log learning rate, a linear dropout and a categorical optimizer.</summary>
    public static ParallelCoordinates Trials(Func<string, string>? text = null)
    {
        text ??= Same;
        const int trials = 20;
        var rates = Enumerable.Range(0, trials).Select(i => Math.Pow(10, -4 + (3.0 * ((i * 7) % trials) / trials))).ToArray();
        var dropout = Enumerable.Range(0, trials).Select(i => 0.05 * ((i * 3) % 10)).ToArray();
        var optimizers = Enumerable.Range(0, trials).Select(i => text(i % 3 == 0 ? "SGD" : i % 3 == 1 ? "Adam" : "AdamW")).ToArray();
        var loss = Enumerable.Range(0, trials).Select(i => 0.3 + (0.1 * Math.Pow(Math.Log10(rates[i]) + 2.5, 2)) + (0.2 * dropout[i]) + (i % 3 == 0 ? 0.08 : 0)).ToArray();
        loss[5] = double.NaN; // a diverged trial
        return new ParallelCoordinates
        {
            Title = text("Sweep trials"),
            Axes =
            [
                ParallelAxis.Numeric(text("learning rate"), rates, log: true),
                ParallelAxis.Numeric(text("dropout"), dropout),
                ParallelAxis.Categorical(text("optimizer"), optimizers),
            ],
            Objective = loss,
            ObjectiveName = text("validation loss"),
            TrialLabels = Enumerable.Range(0, trials).Select(i => text($"trial {i}")).ToArray(),
            Id = "trials",
        };
    }

    /// <summary>Rosenbrock's valley with gradient-descent and momentum trajectories.</summary>
    public static ContourChart Rosenbrock(Func<string, string>? text = null)
    {
        text ??= Same;
        static double F(double x, double y) => Math.Pow(1 - x, 2) + (10 * Math.Pow(y - (x * x), 2));
        static (double X, double Y) Gradient(double x, double y) => ((-2 * (1 - x)) - (40 * x * (y - (x * x))), 20 * (y - (x * x)));
        ContourPath Run(string name, double rate, double momentum)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            double x = -1.5, y = 2, vx = 0, vy = 0;
            for (var step = 0; step < 40; step++)
            {
                xs.Add(x);
                ys.Add(y);
                var (gx, gy) = Gradient(x, y);
                vx = (momentum * vx) + gx;
                vy = (momentum * vy) + gy;
                x -= rate * vx;
                y -= rate * vy;
            }

            return new ContourPath(text(name), xs, ys);
        }

        return ContourChart.FromFunction(F, -2, 2, -1, 3, 40) with
        {
            Title = text("Rosenbrock: f(x, y) = (1 − x)² + 10 (y − x²)²"),
            XLabel = text("x"),
            YLabel = text("y"),
            ValueLabel = text("f"),
            LogLevels = true,
            Paths = [Run("gradient descent", 0.01, 0), Run("momentum 0.8", 0.004, 0.8)],
            Id = "rosenbrock",
        };
    }

    /// <summary>Four 28 × 28 synthetic digits (rings and bars).</summary>
    public static ImageGrid Images(Func<string, string>? text = null, ImageEncoding encoding = ImageEncoding.Png)
    {
        text ??= Same;
        var images = Enumerable.Range(0, 4).Select(k =>
        {
            var pixels = new float[28 * 28];
            for (var r = 0; r < 28; r++)
            {
                for (var c = 0; c < 28; c++)
                {
                    var d = Math.Sqrt(((r - 14) * (r - 14)) + ((c - 14) * (c - 14)));
                    pixels[(r * 28) + c] = (float)Math.Clamp(1 - (Math.Abs(d - (4 + (2 * k))) / 2.5), 0, 1);
                }
            }

            return new GreyImage(28, 28, pixels, text($"ring {k}"));
        }).ToArray();
        return new ImageGrid { Title = text("Samples"), Images = images, Columns = 4, Encoding = encoding, Id = "images" };
    }

    /// <summary>Every sample chart rendered, named.</summary>
    public static IEnumerable<(string Name, string Svg)> All(Func<string, string>? text = null)
    {
        yield return ("line", TrainingRun(text).ToSvg());
        yield return ("scatter", LearningRateSweep(text).ToSvg());
        yield return ("scatter-categories", LearningRateSweep(text) with { ColorValues = null, Categories = Enumerable.Range(0, 24).Select(i => text?.Invoke(i % 2 == 0 ? "SGD" : "Adam") ?? "x").ToArray() } is var s ? s.ToSvg() : string.Empty);
        yield return ("heatmap", ConfusionMatrix(text).ToSvg());
        yield return ("bar", Importance(text).ToSvg());
        yield return ("parallel", Trials(text).ToSvg());
        yield return ("contour", Rosenbrock(text).ToSvg());
        yield return ("images-png", Images(text).ToSvg());
        yield return ("images-rectangles", Images(text, ImageEncoding.Rectangles).ToSvg());
    }
}
