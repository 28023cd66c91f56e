using Interactive.DlExt.Tests.Support;
using Interactive.DlExt.Tests.Tensors;

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

    [Fact]
    public void NaN_stays_NaN_forward_and_in_the_gradient_on_every_simd_path()
    {
        const int n = 37; // a 16-lane body, an 8-lane body and a scalar tail all meet a NaN
        var values = Enumerable.Range(0, n).Select(i => (float)(i % 5) - 2).ToArray();
        int[] nans = [3, 17, 36];
        foreach (var i in nans)
        {
            values[i] = float.NaN;
        }

        foreach (var path in KernelTestData.Paths())
        {
            var (y, dx) = KernelTestData.With(path, () =>
            {
                var relu = new ReLU();
                LayerHarness.Model(relu, [n]);
                relu.InputGradientRequired = true; // a first layer skips its input gradient
                var context = LayerHarness.Context();
                var output = relu.Forward(new Tensor((float[])values.Clone(), 1, n), context).Values();
                var gradient = relu.Backward(new Tensor(Enumerable.Repeat(1f, n).ToArray(), 1, n), context)!.Values();
                return (output, gradient);
            });
            for (var i = 0; i < n; i++)
            {
                var nan = nans.Contains(i);
                Assert.True(nan == float.IsNaN(y[i]), $"{path}: y[{i}] = {y[i]}");
                Assert.True(nan == float.IsNaN(dx[i]), $"{path}: dx[{i}] = {dx[i]}");
                Assert.Equal(nan ? float.NaN : Math.Max(values[i], 0), y[i]);
                Assert.Equal(nan ? float.NaN : values[i] > 0 ? 1 : 0, dx[i]);
            }
        }
    }
}
