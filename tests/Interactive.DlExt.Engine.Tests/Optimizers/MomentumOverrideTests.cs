using Interactive.DlExt.Tests.Tensors;

namespace Interactive.DlExt.Tests.Optimizers;

/// <summary>The per-step momentum a one-cycle schedule passes to <see cref="Optimizer"/>'s internal Step.</summary>
public sealed class MomentumOverrideTests
{
    private const int Length = (16 * 1024) + 45;

    public static TheoryData<string> Configurations => new(OptimizerGoldenBitsTests.Recorded.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(Configurations))]
    public void No_override_gives_the_same_bits_as_the_public_step(string configuration)
    {
        Assert.Equal(Public(OptimizerGoldenBitsTests.Create(configuration)), Overridden(OptimizerGoldenBitsTests.Create(configuration), null));
    }

    [Theory]
    [InlineData("momentum")]
    [InlineData("momentum-classical")]
    [InlineData("nesterov")]
    [InlineData("adam")]
    public void An_override_steps_exactly_as_an_optimizer_built_with_that_momentum(string kind)
    {
        Optimizer Build(double beta) => kind switch
        {
            "momentum" => new Momentum(0.05, beta),
            "momentum-classical" => new Momentum(0.05, beta, MomentumForm.Classical, weightDecay: 0.01),
            "nesterov" => new Nesterov(0.05, beta, weightDecay: 0.01),
            _ => new Adam(0.05, beta1: beta, weightDecay: 0.01),
        };

        Assert.Equal(Public(Build(0.7)), Overridden(Build(0.95), 0.7));
        Assert.NotEqual(Public(Build(0.95)), Overridden(Build(0.95), 0.7));
    }

    [Fact]
    public void Optimizers_without_momentum_ignore_an_override()
    {
        Assert.Equal(Public(new Sgd(0.05)), Overridden(new Sgd(0.05), 0.5));
    }

    [Fact]
    public void An_override_of_one_or_more_is_rejected()
    {
        var store = Support.WeightAndBiasLayer.Store([1f, 2f]);
        var e = Assert.Throws<DlExtArgumentException>(() => new Momentum(0.1).Step(store, 0.1, 1.0, ComputePool.Serial));
        Assert.Equal("momentum", e.ParamName);
    }

    private static string Public(Optimizer optimizer) => Run(optimizer, momentum: null, publicStep: true);

    private static string Overridden(Optimizer optimizer, double? momentum) => Run(optimizer, momentum, publicStep: false);

    private static string Run(Optimizer optimizer, double? momentum, bool publicStep)
    {
        var store = Support.WeightAndBiasLayer.Store(KernelTestData.Random(Length, 1));
        for (var step = 0; step < 3; step++)
        {
            KernelTestData.Random(Length, 10 + (ulong)step, scale: 0.5).CopyTo(store.Gradients, 0);
            if (publicStep)
            {
                optimizer.Step(store, 0.05, ComputePool.Serial);
            }
            else
            {
                optimizer.Step(store, 0.05, momentum, ComputePool.Serial);
            }
        }

        return string.Join(',', store.Values.Select(v => BitConverter.SingleToInt32Bits(v)));
    }
}
