using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class LeakyReLUTests
{
    [Fact]
    public void Forward_scales_negative_values_by_the_slope()
    {
        var leaky = new LeakyReLU(0.1);
        LayerHarness.Model(leaky, [10]);
        var x = new Tensor([-3, -0.5f, 0, 0.25f, 2, -1, 7, -8, 9, 4], 1, 10);

        var y = leaky.Forward(x, LayerHarness.Context());

        Assert.Equal([-3 * 0.1f, -0.5f * 0.1f, 0, 0.25f, 2, -0.1f, 7, -8 * 0.1f, 9, 4], y.Values());
    }

    [Fact]
    public void The_default_slope_is_one_hundredth()
    {
        Assert.Equal(0.01, new LeakyReLU().Slope, 6);
        Assert.Equal("LeakyReLU(0.01)", new LeakyReLU().Describe());
    }

    [Fact]
    public void Gradients_match_finite_differences() =>
        GradientCheck.Layer(new LeakyReLU(0.2), [3, 4], batch: 3);

    [Fact]
    public void A_negative_slope_is_rejected_by_name() =>
        Assert.Equal("slope", Assert.Throws<DlExtArgumentException>(() => new LeakyReLU(-0.1)).ParamName);

    [Fact]
    public void Large_tensors_give_the_same_result_on_one_or_two_threads() =>
        ElementwiseChecks.SameOnOneOrTwoThreads(() => new LeakyReLU());
}
