using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class TanhTests
{
    [Fact]
    public void Forward_matches_the_hyperbolic_tangent()
    {
        var tanh = new Tanh();
        LayerHarness.Model(tanh, [3]);

        var y = tanh.Forward(new Tensor([0, 0.5f, -2], 1, 3), LayerHarness.Context());

        Assert.Equal(0f, y.Data[0]);
        Assert.Equal(Math.Tanh(0.5), y.Data[1], 6);
        Assert.Equal(Math.Tanh(-2), y.Data[2], 6);
    }

    [Fact]
    public void Gradients_match_finite_differences() =>
        GradientCheck.Layer(new Tanh(), [3, 4], batch: 3, tolerance: 1e-2);

    [Fact]
    public void Large_tensors_give_the_same_result_on_one_or_two_threads() =>
        ElementwiseChecks.SameOnOneOrTwoThreads(() => new Tanh());
}
