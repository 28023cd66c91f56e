using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

namespace Interactive.DlExt.Bench;

/// <summary>
/// Times single training steps (forward, cross-entropy, zero-grad, backward, Adam step, reading the
/// loss) on one fixed batch, the first <c>--bs</c> training images in file order, after a warm-up.
/// </summary>
internal static class StepBenchmark
{
    public static int Run(BenchOptions options)
    {
        var modelName = options.Model();
        var batchSize = options.Integer("bs", 64, 1);
        var steps = options.Integer("steps", 200, 1);
        var warmup = options.Integer("warmup", 20, 0);
        var seed = options.Integer("seed", 1, 0);
        var directory = options.Text("data", FashionMnistFiles.DefaultDirectory);
        var threads = TorchRuntime.Start(options.Integer("threads", 2, 0));

        var train = FashionMnistFiles.Load(directory, training: true);
        if (batchSize > train.Count)
        {
            throw new BenchOptionException($"--bs {batchSize} is more than the {train.Count} training images");
        }

        var pixels = train.Pixels.AsSpan(0, batchSize * train.PixelsPerImage).ToArray();
        using var x = tensor(pixels, TorchModels.InputShape(modelName, batchSize, train.Rows, train.Columns));
        using var y = tensor(train.Labels.Take(batchSize).Select(l => (long)l).ToArray(), [batchSize]);

        manual_seed(seed);
        using var model = TorchModels.Create(modelName);
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        using var lossFunction = nn.CrossEntropyLoss();
        model.train();

        var timings = new List<double>(steps);
        var lastLoss = float.NaN;
        CpuPressure? pressure = null;
        for (var i = 0; i < warmup + steps; i++)
        {
            if (i == warmup)
            {
                pressure = CpuPressure.Start();
            }

            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                var loss = lossFunction.forward(model.forward(x), y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lastLoss = loss.item<float>();
            }

            if (i >= warmup)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, 
            $"RESULT engine=torch mode=step model={modelName} bs={batchSize} threads={threads} " +
            $"step_ms_median={Percentiles.Of(timings, 0.5):F3} step_ms_p10={Percentiles.Of(timings, 0.1):F3} " +
            $"step_ms_p90={Percentiles.Of(timings, 0.9):F3} steps={steps} warmup={warmup} last_loss={lastLoss:F5} " +
            $"peak_rss_mb={ProcessMemory.PeakResidentMegabytes():F0} cpu_stall_pct={pressure?.StalledPercent() ?? -1:F0}"));
        return 0;
    }
}
