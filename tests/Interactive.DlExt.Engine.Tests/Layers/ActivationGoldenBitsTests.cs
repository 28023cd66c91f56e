using Interactive.DlExt.Tests.Support;
using Interactive.DlExt.Tests.Tensors;

namespace Interactive.DlExt.Tests.Layers;

/// <summary>
/// The exact bits each activation layer produced before the activations moved onto the switchable SIMD path
/// (recorded by running this test against commit 4016a84). Every SIMD path must still produce them.
/// Sigmoid and tanh were re-recorded when they moved from MathF.Exp/MathF.Tanh (the OS's libm) to
/// DeterministicMath: 16 of the 41,003 sigmoid outputs and 5,725 tanh outputs moved, by at most 2 float ulp.
/// </summary>
public sealed class ActivationGoldenBitsTests
{
    public static TheoryData<string, string> Recorded => new()
    {
        { "relu", "8bd0939a9d401ff7 9d410a0242898a88" },
        { "leaky", "450d540c33a71a05 197ca3d50a4fde84" },
        { "gelu", "8954b2e7c812b612 7d88aa0f5cbda3e2" },
        { "gelu-tanh", "10493b01a07396a3 7687e398e8d1494f" },
        { "sigmoid", "40a0e2925f5068b8 b1323c37cc6e8fad" },
        { "tanh", "15fd56ef60a4029f 0ef65bcfacfe03be" },
    };

    [Theory]
    [MemberData(nameof(Recorded))]
    public void Every_activation_gives_the_bits_recorded_before_on_every_simd_path(string activation, string expected)
    {
        foreach (var path in KernelTestData.Paths())
        {
            foreach (var threads in new[] { 1, 2 })
            {
                var actual = KernelTestData.With(path, () => Run(activation, threads));
                Assert.True(expected == actual, $"{activation} on {path}, {threads} threads: expected {expected}, got {actual}");
            }
        }
    }

    internal static Layer Create(string activation) => activation switch
    {
        "relu" => new ReLU(),
        "leaky" => new LeakyReLU(0.1),
        "gelu" => new GELU(),
        "gelu-tanh" => new GELU(useTanhApproximation: true),
        "sigmoid" => new Sigmoid(),
        "tanh" => new Tanh(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    /// <summary>Forward and backward over 41,003 values (three chunks, the last partial, and a ragged tail).</summary>
    private static string Run(string activation, int threads)
    {
        const int width = 1003;
        var random = new RandomSource(21);
        var x = GradientCheck.RandomTensor([41, width], random, scale: 3);
        var g = GradientCheck.RandomTensor([41, width], random);
        using var pool = new ComputePool(threads);
        var layer = Create(activation);
        layer.Build([width]);
        var context = new LayerContext(pool, new RandomSource(5), training: true);
        var y = layer.Forward(x, context).Values();
        var dx = layer.Backward(g, context)!.Values();
        return Hash(y) + " " + Hash(dx);
    }

    internal static string Hash(float[] values)
    {
        var hash = 14695981039346656037UL;
        foreach (var value in values)
        {
            hash = (hash ^ (uint)BitConverter.SingleToInt32Bits(value)) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
