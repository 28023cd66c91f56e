using System.Diagnostics;
using System.Globalization;

namespace Interactive.DlExt.Bench;

/// <summary>
/// Trains a model on Fashion-MNIST in the shared <see cref="BatchOrder"/> (last batch smaller when the batch
/// size does not divide 60,000, as TorchSharpBench does), with softmax cross-entropy and Adam (learning rate
/// 1e-3, one fused step over the model's flat parameters), then measures test accuracy. The loop is the
/// product's training step without the trainer's bookkeeping: the product's <see cref="DataLoader"/>, forward,
/// loss, backward, step.
/// </summary>
internal static class TrainBenchmark
{
    public static int Run(BenchOptions options)
    {
        var modelName = options.Model();
        var batchSize = options.Integer("bs", 64, 1);
        var epochs = options.Integer("epochs", 2, 1);
        var seed = options.Integer("seed", 1, 0);
        var init = options.Text("init", "torch");
        var directory = options.Text("data", FashionMnistFiles.DefaultDirectory);
        var threads = options.Threads();

        var loadClock = Stopwatch.StartNew();
        var train = FashionMnistFiles.Load(directory, training: true);
        var test = FashionMnistFiles.Load(directory, training: false);
        var loadMilliseconds = loadClock.Elapsed.TotalMilliseconds;

        using var pool = new ComputePool(threads);
        var context = new LayerContext(pool, new RandomSource((ulong)seed), training: true);
        var model = EngineModels.Build(modelName, (ulong)seed, init);
        var store = model.Store;
        var optimizer = new Adam(learningRate: 1e-3);
        var loss = new CrossEntropy();
        var itemShape = EngineModels.ItemShape(modelName);

        // The product's loader (its parallel gather included) over the loaded pixels, not copied.
        var trainSet = new Dataset(
            new Tensor(train.Pixels, [train.Count, .. itemShape]),
            new Tensor(train.Labels.Select(label => (float)label).ToArray(), train.Count),
            classCount: 10);
        var loader = new DataLoader(trainSet, batchSize, shuffle: true, dropLast: false, seed: (ulong)seed);

        var log = new EpochLog();
        var lastLoss = double.NaN;
        var steps = 0;
        Tensor? gradient = null;
        var loopParts = new LoopParts();
        var pressure = CpuPressure.Start();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            // TorchSharpBench visits the samples in BatchOrder: the comparison is void if the loader's order differs.
            if (!loader.Order(epoch).AsSpan().SequenceEqual(BatchOrder.Permutation((ulong)seed, epoch, train.Count)))
            {
                throw new InvalidOperationException($"DataLoader's order for epoch {epoch} differs from BatchOrder's");
            }

            context.Training = true;
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            var batches = 0;
            using var batchesOfEpoch = loader.Batches(epoch, pool).GetEnumerator();
            var split = Stopwatch.GetTimestamp();
            while (batchesOfEpoch.MoveNext())
            {
                var (x, y) = batchesOfEpoch.Current;
                var gathered = Stopwatch.GetTimestamp();

                // Adam's step leaves the gradients at zero (as Trainer.Fit relies on): no clearing pass here.
                var logits = model.Forward(x, context);
                gradient = gradient is not null && gradient.Length == logits.Length ? gradient : new Tensor(logits.ShapeArray());
                lastLoss = loss.Compute(logits, y, gradient);
                model.Backward(gradient, context);
                var backward = Stopwatch.GetTimestamp();
                optimizer.Step(store, optimizer.LearningRate, pool);
                var stepped = Stopwatch.GetTimestamp();
                if (epoch > 0)
                {
                    loopParts.Add(gathered - split, backward - gathered, stepped - backward);
                }

                split = stepped;
                lossSum += lastLoss;
                batches++;
                steps++;
            }

            log.Add(epoch, clock.Elapsed.TotalMilliseconds, lossSum / batches, lastLoss);
        }

        var stalledPercent = pressure.StalledPercent();
        var accuracy = Accuracy(model, context, test, itemShape);
        var samplesPerSecond = log.SamplesPerSecond(train.Count);
        var gflops = modelName == "mlp"
            ? $" gflops={samplesPerSecond * EngineModels.MlpFlopsPerSample / 1e9:F1} model_gflops={samplesPerSecond * EngineModels.MlpModelFlopsPerSample / 1e9:F1}"
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT engine=dlext model={modelName} bs={batchSize} threads={threads} epochs={epochs} load_ms={loadMilliseconds:F0} " +
            $"epoch_ms={log.Milliseconds} samples_per_s={samplesPerSecond:F0} test_acc={accuracy:F4} last_loss={lastLoss:F5} " +
            $"peak_rss_mb={ProcessMemory.PeakResidentMegabytes():F0} jit_ms={EpochLog.JitMilliseconds:F0} seed={seed} steps={steps} epoch_mean_loss={log.MeanLosses} " +
            $"parameters={EngineModels.ParameterCount(model)} cpu_stall_pct={stalledPercent:F0} init={init}{gflops}{loopParts}"));
        return 0;
    }

    /// <summary>Test accuracy with the model in evaluation mode, in chunks (small enough that the convolution's
    /// unfolded input stays well under the training footprint).</summary>
    public static double Accuracy(Sequential model, LayerContext context, LabelledImages test, int[] itemShape)
    {
        const int Chunk = 200;
        context.Training = false;
        long correct = 0;
        Tensor? x = null;
        for (var start = 0; start < test.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, test.Count - start);
            x = Batch(x, count, itemShape);
            Array.Copy(test.Pixels, start * test.PixelsPerImage, x.Data, 0, count * test.PixelsPerImage);
            var logits = model.Forward(x, context);
            var classes = logits.ItemLength;
            for (var i = 0; i < count; i++)
            {
                var row = logits.Data.AsSpan(i * classes, classes);
                var best = 0;
                for (var k = 1; k < classes; k++)
                {
                    best = row[k] > row[best] ? k : best;
                }

                correct += best == test.Labels[start + i] ? 1 : 0;
            }
        }

        context.Training = true;
        return (double)correct / test.Count;
    }

    /// <summary>A [count, ...itemShape] tensor, reused while the count stays the same.</summary>
    public static Tensor Batch(Tensor? cached, int count, int[] itemShape) =>
        cached is not null && cached.BatchSize == count ? cached : new Tensor([count, .. itemShape]);
}
