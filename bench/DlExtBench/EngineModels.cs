namespace Interactive.DlExt.Bench;

/// <summary>The two benchmark models built from the engine's layers, the same shapes as TorchModels.</summary>
internal static class EngineModels
{
    /// <summary>Model FLOPs of one MLP training step per sample by the usual "6N" convention (forward 2·weights,
    /// backward 4·weights), the numerator of model FLOPs utilisation.</summary>
    public const double MlpModelFlopsPerSample = 6.0 * ((784 * 512) + (512 * 256) + (256 * 10));

    /// <summary>FLOPs the engine actually executes per sample: 6·weights less the first layer's input gradient,
    /// which nobody needs and which is not computed (2·784·512).</summary>
    public const double MlpFlopsPerSample = MlpModelFlopsPerSample - (2.0 * 784 * 512);

    /// <summary>
    /// mlp: 784-512-256-10 with ReLU (fused into the Linear layers, the engine's fast form). cnn: conv(1→32, 3×3,
    /// pad 1)-ReLU-maxpool 2-conv(32→64, 3×3, pad 1)-ReLU-maxpool 2-flatten-fc(3136→128, ReLU)-fc(128→10).
    /// </summary>
    public static Sequential Create(string name) => name switch
    {
        "mlp" => new Sequential(
            new Linear(784, 512, Activation.Relu),
            new Linear(512, 256, Activation.Relu),
            new Linear(256, 10)),
        "cnn" => new Sequential(
            new Conv2d(1, 32, 3, 1, 1), new ReLU(), new MaxPool2d(2),
            new Conv2d(32, 64, 3, 1, 1), new ReLU(), new MaxPool2d(2),
            new Flatten(),
            new Linear(64 * 7 * 7, 128, Activation.Relu),
            new Linear(128, 10)),
        _ => throw new ArgumentException($"model '{name}' is not mlp or cnn"),
    };

    /// <summary>The per-item input shape: [784] or [1, 28, 28].</summary>
    public static int[] ItemShape(string name) => name == "cnn" ? [1, 28, 28] : [784];

    /// <summary>Builds the model from <paramref name="seed"/> and, for <c>init=torch</c>, overwrites every
    /// parameter with libtorch's default scheme U(−1/√fanIn, 1/√fanIn) (weights and biases, fanIn = the
    /// weight's inputs per output), drawn from the engine's seeded generator. The values still differ from
    /// torch's, whose generator is another.</summary>
    public static Sequential Build(string name, ulong seed, string init)
    {
        var model = Create(name).Build(ItemShape(name), seed);
        if (init == "engine")
        {
            return model;
        }

        if (init != "torch")
        {
            throw new BenchOptionException($"--init '{init}' is not torch or engine");
        }

        var random = RandomSource.Derive(seed, 0x70_72_63_68);
        foreach (var layer in model.Layers)
        {
            if (layer.Parameters.Count == 0)
            {
                continue;
            }

            var weightShape = layer.Parameters[0].Shape;
            var fanIn = 1;
            for (var i = 1; i < weightShape.Count; i++)
            {
                fanIn *= weightShape[i];
            }

            var bound = 1.0 / Math.Sqrt(fanIn);
            foreach (var parameter in layer.Parameters)
            {
                var values = parameter.Values;
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (float)(((2 * random.NextDouble()) - 1) * bound);
                }
            }
        }

        return model;
    }

    /// <summary>Number of trainable values.</summary>
    public static long ParameterCount(Sequential model) => model.Store.TrainableCount;
}
