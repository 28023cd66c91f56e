using Interactive.DlExt.Tests.Tensors;

namespace Interactive.DlExt.Tests.Optimizers;

/// <summary>
/// The exact bits each built-in optimizer produced before the optimizers were rebuilt on one template
/// (recorded by running this test against commit 4016a84, whose optimizers had one hand-written loop each).
/// Every SIMD path must still produce them.
/// </summary>
public sealed class OptimizerGoldenBitsTests
{
    // Two full fused-pass chunks plus a tail that is not a multiple of any vector width.
    private const int Length = (2 * 16 * 1024) + 45;
    private static readonly double[] Rates = [0.05, 0.03, 0.02, 0.01];

    public static TheoryData<string, string> Recorded => new()
    {
        { "sgd", "a48f5f9d0b05292e 0effeb51c7064aa2 88b2f341ea0583bd 4cb9a0387c9d594b" },
        { "sgd-decay", "9e7709364ae97007 93ef4522cb506de8 e5dcebf5f4e35667 9b6a8f469b93739e" },
        { "momentum", "78e4707ef64ced7b 0ca61714939e8c88 9d28a9e472c881f6 4441340be49d1c37" },
        { "momentum-classical-decay", "9e7709364ae97007 6f7df35b35cd8765 26f5ea15e3f23cc9 d78367b642054fe0" },
        { "nesterov-decay", "fc5b48c6ede07dba 2fefc48f6b80a610 d6f7ab46a90d6266 d4251efad2c6d790" },
        { "adagrad-decay", "73252019db4439cd e2e43c4820d5ccbf 896b22ba3bb57803 64b5a51bf16c2144" },
        { "rmsprop-decay", "9eefbc1724f7dc97 6b8e8c020f6710cc 95b5a5ec8dcd522b 3e60b8021534b936" },
        { "adam", "8bcea50d5ec25549 3c3d0f0905480f46 22f79212ba57ad1f 93294c2e07f66709" },
        { "adam-decay", "cd2caedb2151f38b 703bf794bb11430c 685d26ff942ab9f8 7e1a7e8522becd19" },
        { "adamw", "96596c41d53383a9 33a995aa154dfd48 7a442f9cc1506f06 3ed35f267c23edbf" },
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public void Every_optimizer_gives_the_bits_recorded_before_the_template_on_every_simd_path(string configuration, string expected)
    {
        foreach (var path in KernelTestData.Paths())
        {
            var actual = KernelTestData.With(path, () => Run(configuration));
            Assert.True(expected == actual, $"{configuration} on {path}: expected {expected}, got {actual}");
        }
    }

    internal static Optimizer Create(string configuration) => configuration switch
    {
        "sgd" => new Sgd(0.05),
        "sgd-decay" => new Sgd(0.05, weightDecay: 0.01),
        "momentum" => new Momentum(0.05),
        "momentum-classical-decay" => new Momentum(0.05, 0.8, MomentumForm.Classical, weightDecay: 0.01),
        "nesterov-decay" => new Nesterov(0.05, 0.85, weightDecay: 0.01),
        "adagrad-decay" => new AdaGrad(0.05, weightDecay: 0.01),
        "rmsprop-decay" => new RmsProp(0.05, 0.95, weightDecay: 0.01),
        "adam" => new Adam(0.05),
        "adam-decay" => new Adam(0.05, 0.85, 0.99, 1e-7, weightDecay: 0.01),
        "adamw" => new AdamW(0.05, weightDecay: 0.05),
        _ => throw new ArgumentOutOfRangeException(nameof(configuration)),
    };

    /// <summary>Four steps with changing learning rates and fresh gradients; the hash of θ after each step.</summary>
    private static string Run(string configuration)
    {
        var optimizer = Create(configuration);
        var store = Support.WeightAndBiasLayer.Store(KernelTestData.Random(Length - 7, 1), KernelTestData.Random(7, 2));
        using var pool = new ComputePool(2);
        var hashes = new List<string>();
        for (var step = 0; step < Rates.Length; step++)
        {
            KernelTestData.Random(Length, 10 + (ulong)step, scale: 0.5).CopyTo(store.Gradients, 0);
            optimizer.Step(store, Rates[step], pool);
            hashes.Add(Hash(store.Values));
        }

        return string.Join(' ', hashes);
    }

    private static string Hash(float[] values)
    {
        var hash = 14695981039346656037UL;
        foreach (var value in values)
        {
            hash = (hash ^ (uint)BitConverter.SingleToInt32Bits(value)) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
