using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class SigmoidTests
{
    [Fact]
    public void Forward_matches_the_logistic_function()
    {
        var sigmoid = new Sigmoid();
        LayerHarness.Model(sigmoid, [5]);

        var y = sigmoid.Forward(new Tensor([0, 2, -2, 100, -100], 1, 5), LayerHarness.Context());

        Assert.Equal(0.5f, y.Data[0]);
        Assert.Equal(1 / (1 + Math.Exp(-2)), y.Data[1], 6);
        Assert.Equal(1 / (1 + Math.Exp(2)), y.Data[2], 6);
        Assert.Equal(1f, y.Data[3]);
        Assert.Equal(0f, y.Data[4]);
    }

    [Fact]
    public void Gradients_match_finite_differences() =>
        GradientCheck.Layer(new Sigmoid(), [3, 4], batch: 3, tolerance: 1e-2);

    [Fact]
    public void Large_tensors_give_the_same_result_on_one_or_two_threads() =>
        ElementwiseChecks.SameOnOneOrTwoThreads(() => new Sigmoid());
}
