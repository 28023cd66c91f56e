using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

namespace Interactive.DlExt.Bench;

/// <summary>
/// Trains a model on Fashion-MNIST for a few epochs in the shared <see cref="BatchOrder"/> (last batch
/// smaller when the batch size does not divide 60,000, as the engine's DataLoader does by default),
/// with softmax cross-entropy and Adam (learning rate 1e-3), then measures test accuracy.
/// </summary>
internal static class TrainBenchmark
{
    private const int EvaluationChunk = 1000;

    public static int Run(BenchOptions options)
    {
        var modelName = options.Model();
        var batchSize = options.Integer("bs", 64, 1);
        var epochs = options.Integer("epochs", 2, 1);
        var seed = options.Integer("seed", 1, 0);
        var directory = options.Text("data", FashionMnistFiles.DefaultDirectory);
        var threads = TorchRuntime.Start(options.Integer("threads", 2, 0));

        var loadClock = Stopwatch.StartNew();
        var train = FashionMnistFiles.Load(directory, training: true);
        var test = FashionMnistFiles.Load(directory, training: false);
        using var trainX = tensor(train.Pixels, TorchModels.InputShape(modelName, train.Count, train.Rows, train.Columns));
        using var trainY = tensor(train.Labels.Select(l => (long)l).ToArray(), [train.Count]);
        using var testX = tensor(test.Pixels, TorchModels.InputShape(modelName, test.Count, test.Rows, test.Columns));
        using var testY = tensor(test.Labels.Select(l => (long)l).ToArray(), [test.Count]);
        var loadMilliseconds = loadClock.Elapsed.TotalMilliseconds;

        manual_seed(seed);
        using var model = TorchModels.Create(modelName);
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var lossFunction = nn.CrossEntropyLoss();

        var log = new EpochLog();
        var lastLoss = float.NaN;
        var steps = 0;
        var pressure = CpuPressure.Start();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            var clock = Stopwatch.StartNew();

            // Gathering the epoch's order once and slicing views keeps the per-step work to the model itself.
            var order = BatchOrder.Permutation((ulong)seed, epoch, train.Count);
            using var orderTensor = tensor(order.Select(i => (long)i).ToArray(), [train.Count]);
            using var shuffledX = trainX.index_select(0, orderTensor);
            using var shuffledY = trainY.index_select(0, orderTensor);
            double lossSum = 0;
            var batches = 0;
            for (var start = 0; start < train.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var count = Math.Min(batchSize, train.Count - start);
                var logits = model.forward(shuffledX.narrow(0, start, count));
                var loss = lossFunction.forward(logits, shuffledY.narrow(0, start, count));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
                lossSum += lastLoss;
                batches++;
                steps++;
            }

            log.Add(epoch, clock.Elapsed.TotalMilliseconds, lossSum / batches, lastLoss);
        }

        var stalledPercent = pressure.StalledPercent();
        var accuracy = Accuracy(model, testX, testY, test.Count);
        var samplesPerSecond = log.SamplesPerSecond(train.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, 
            $"RESULT engine=torch model={modelName} bs={batchSize} threads={threads} epochs={epochs} load_ms={loadMilliseconds:F0} " +
            $"epoch_ms={log.Milliseconds} samples_per_s={samplesPerSecond:F0} test_acc={accuracy:F4} last_loss={lastLoss:F5} " +
            $"peak_rss_mb={ProcessMemory.PeakResidentMegabytes():F0} jit_ms={EpochLog.JitMilliseconds:F0} seed={seed} steps={steps} epoch_mean_loss={log.MeanLosses} " +
            $"parameters={TorchModels.ParameterCount(model)} cpu_stall_pct={stalledPercent:F0}"));
        return 0;
    }

    private static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int count)
    {
        using var noGrad = no_grad();
        model.eval();
        long correct = 0;
        for (var start = 0; start < count; start += EvaluationChunk)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(EvaluationChunk, count - start);
            var predicted = model.forward(x.narrow(0, start, length)).argmax(1);
            correct += predicted.eq(y.narrow(0, start, length)).sum().item<long>();
        }

        return (double)correct / count;
    }
}
