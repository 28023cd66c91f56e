using System.Diagnostics;
using System.Globalization;

namespace Interactive.DlExt.Bench;

/// <summary>
/// Times single training steps (zero gradients, forward, cross-entropy, backward, Adam step, reading the loss)
/// on one fixed batch, the first <c>--bs</c> training images in file order, after a warm-up, like
/// TorchSharpBench's step mode. The profile mode runs the same steps layer by layer and reports the median
/// time of each layer's forward and backward pass, the loss and the optimizer step, and under each layer the parts
/// the engine's <c>PartClock</c> times inside it (im2col, the GEMMs, col2im, bias sums, masks), in thread-ms.
/// </summary>
internal static class StepBenchmark
{
    public static int Run(BenchOptions options, bool profile)
    {
        var modelName = options.Model();
        var batchSize = options.Integer("bs", 64, 1);
        var steps = options.Integer("steps", 200, 1);
        var warmup = options.Integer("warmup", 20, 0);
        var seed = options.Integer("seed", 1, 0);
        var init = options.Text("init", "torch");
        var directory = options.Text("data", FashionMnistFiles.DefaultDirectory);
        var threads = options.Threads();

        var train = FashionMnistFiles.Load(directory, training: true);
        if (batchSize > train.Count)
        {
            throw new BenchOptionException($"--bs {batchSize} is more than the {train.Count} training images");
        }

        var itemShape = EngineModels.ItemShape(modelName);
        var x = new Tensor(train.Pixels.AsSpan(0, batchSize * train.PixelsPerImage).ToArray(), [batchSize, .. itemShape]);
        var y = new Tensor(train.Labels.Take(batchSize).Select(l => (float)l).ToArray(), batchSize);

        using var pool = new ComputePool(threads);
        var context = new LayerContext(pool, new RandomSource((ulong)seed), training: true);
        var model = EngineModels.Build(modelName, (ulong)seed, init);
        var store = model.Store;
        var optimizer = new Adam(learningRate: 1e-3);
        var loss = new CrossEntropy();
        var layers = model.Layers;

        // Phase timings per step: forward of each layer, loss, backward of each layer (last first), optimizer.
        var phases = new List<string>();
        phases.AddRange(layers.Select((l, i) => $"fwd {i} {l.Describe()}"));
        phases.Add("loss");
        phases.AddRange(layers.Select((l, i) => $"bwd {i} {l.Describe()}"));
        phases.Add("zero+adam");
        var phaseTimes = phases.Select(_ => new List<double>(steps)).ToArray();

        // Inside each phase, the parts PartClock times (thread-ms: summed over the threads that ran them).
        var partNames = Enum.GetNames<StepPart>();
        var partTimes = phases.Select(_ => partNames.Select(_ => new List<double>(steps)).ToArray()).ToArray();
        PartClock.Enabled = profile;

        var timings = new List<double>(steps);
        double lastLoss = double.NaN;
        Tensor? gradient = null;
        CpuPressure? pressure = null;
        for (var i = 0; i < warmup + steps; i++)
        {
            if (i == warmup)
            {
                pressure = CpuPressure.Start();
            }

            var measured = i >= warmup;
            var clock = Stopwatch.StartNew();
            if (!profile)
            {
                // Adam's step leaves the gradients at zero (as Trainer.Fit relies on): no clearing pass here.
                var logits = model.Forward(x, context);
                gradient ??= new Tensor(logits.ShapeArray());
                lastLoss = loss.Compute(logits, y, gradient);
                model.Backward(gradient, context);
                optimizer.Step(store, optimizer.LearningRate, pool);
            }
            else
            {
                lastLoss = ProfiledStep(model, context, loss, optimizer, x, y, ref gradient, measured ? phaseTimes : null, measured ? partTimes : null);
            }

            if (measured)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        if (profile)
        {
            var total = phaseTimes.Sum(t => Percentiles.Of(t, 0.5));
            for (var p = 0; p < phases.Count; p++)
            {
                var median = Percentiles.Of(phaseTimes[p], 0.5);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PHASE {phases[p],-48} {median,8:F3} ms {100 * median / total,5:F1}%"));
                for (var part = 0; part < partNames.Length; part++)
                {
                    if (partTimes[p][part].Any(t => t > 0))
                    {
                        var partMedian = Percentiles.Of(partTimes[p][part], 0.5);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"PART  {phases[p] + " / " + partNames[part],-48} {partMedian,8:F3} thread-ms ({partMedian / threads,6:F3} ms at {threads} threads)"));
                    }
                }
            }
        }

        var stepMedian = Percentiles.Of(timings, 0.5);
        var gflops = modelName == "mlp"
            ? $" gflops={batchSize * EngineModels.MlpFlopsPerSample / (stepMedian * 1e6):F1} model_gflops={batchSize * EngineModels.MlpModelFlopsPerSample / (stepMedian * 1e6):F1}"
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT engine=dlext mode={(profile ? "profile" : "step")} model={modelName} bs={batchSize} threads={threads} " +
            $"step_ms_median={stepMedian:F3} step_ms_p10={Percentiles.Of(timings, 0.1):F3} " +
            $"step_ms_p90={Percentiles.Of(timings, 0.9):F3} steps={steps} warmup={warmup} last_loss={lastLoss:F5} " +
            $"peak_rss_mb={ProcessMemory.PeakResidentMegabytes():F0} cpu_stall_pct={pressure?.StalledPercent() ?? -1:F0}{gflops}"));
        return 0;
    }

    // Sequential.Forward/Backward unrolled, with a clock around every call.
    private static double ProfiledStep(
        Sequential model, LayerContext context, Loss loss, Optimizer optimizer, Tensor x, Tensor y, ref Tensor? gradient, List<double>[]? times,
        List<double>[][]? parts)
    {
        var layers = model.Layers;
        var zeroMilliseconds = 0.0; // the previous optimizer step already cleared the gradients
        var clock = Stopwatch.StartNew();
        var phase = 0;
        void TakeParts(int into)
        {
            var taken = PartClock.TakeMilliseconds();
            for (var p = 0; parts is not null && p < taken.Length; p++)
            {
                parts[into][p].Add(taken[p]);
            }
        }

        PartClock.TakeMilliseconds();
        void Lap()
        {
            times?[phase].Add(clock.Elapsed.TotalMilliseconds);
            TakeParts(phase);
            phase++;
            clock.Restart();
        }

        var h = x;
        foreach (var layer in layers)
        {
            h = layer.Forward(h, context);
            Lap();
        }

        gradient ??= new Tensor(h.ShapeArray());
        var value = loss.Compute(h, y, gradient);
        Lap();
        var backward = new double[layers.Count];
        Tensor? g = gradient;
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            clock.Restart();
            g = g is null ? null : layers[i].Backward(g, context);
            backward[i] = clock.Elapsed.TotalMilliseconds;
            TakeParts(phase + i);
        }

        if (times is not null)
        {
            for (var i = 0; i < layers.Count; i++)
            {
                times[phase + i].Add(backward[i]);
            }
        }

        phase += layers.Count;
        clock.Restart();
        optimizer.Step(model.Store, optimizer.LearningRate, context.Pool);
        times?[phase].Add(clock.Elapsed.TotalMilliseconds + zeroMilliseconds);
        TakeParts(phase);
        return value;
    }
}
