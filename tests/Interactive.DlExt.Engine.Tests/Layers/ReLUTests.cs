using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class ReLUTests
{
    [Fact]
    public void Forward_keeps_positive_values_and_zeroes_negative_ones()
    {
        var relu = new ReLU();
        LayerHarness.Model(relu, [10]);
        var x = new Tensor([-3, -0.5f, 0, 0.25f, 2, -1, 7, -8, 9, float.NaN], 1, 10);

        var y = relu.Forward(x, LayerHarness.Context());

        Assert.Equal([0, 0, 0, 0.25f, 2, 0, 7, 0, 9, float.NaN], y.Values());
    }

    [Fact]
    public void Gradients_match_finite_differences() =>
        GradientCheck.Layer(new ReLU(), [3, 4], batch: 3);

    [Fact]
    public void Large_tensors_give_the_same_result_on_one_or_two_threads() =>
        ElementwiseChecks.SameOnOneOrTwoThreads(() => new ReLU());
}
