using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class GELUTests
{
    // Expected values from Python's math.erfc and math.tanh:
    //   x*0.5*math.erfc(-x/math.sqrt(2)) and 0.5*x*(1+math.tanh(math.sqrt(2/math.pi)*(x+0.044715*x**3)))
    private static readonly float[] Inputs = [1, -1, 2.5f, -3];
    private static readonly double[] Exact = [0.8413447460685429, -0.15865525393145707, 2.4844758366855597, -0.004049694094890287];
    private static readonly double[] TanhForm = [0.8411919906082768, -0.15880800939172324, 2.484915733910001, -0.0036373920817729943];

    [Fact]
    public void The_exact_form_matches_x_times_the_normal_cdf()
    {
        var gelu = new GELU();
        LayerHarness.Model(gelu, [4]);

        var y = gelu.Forward(new Tensor((float[])Inputs.Clone(), 1, 4), LayerHarness.Context());

        for (var i = 0; i < Inputs.Length; i++)
        {
            Assert.True(Math.Abs(y.Data[i] - Exact[i]) <= 2e-7 * Math.Abs(Exact[i]), $"GELU({Inputs[i]}) = {y.Data[i]:R}, expected {Exact[i]:R}");
        }
    }

    [Fact]
    public void The_tanh_approximation_matches_its_formula()
    {
        var gelu = new GELU(useTanhApproximation: true);
        LayerHarness.Model(gelu, [4]);

        var y = gelu.Forward(new Tensor((float[])Inputs.Clone(), 1, 4), LayerHarness.Context());

        Assert.Equal("GELU(tanh)", gelu.Describe());
        for (var i = 0; i < Inputs.Length; i++)
        {
            Assert.True(Math.Abs(y.Data[i] - TanhForm[i]) <= 2e-7 * Math.Abs(TanhForm[i]), $"GELU({Inputs[i]}) = {y.Data[i]:R}, expected {TanhForm[i]:R}");
        }
    }

    [Fact]
    public void Erfc_is_accurate_in_relative_terms_far_into_the_tail()
    {
        // math.erfc(3), math.erfc(5), math.erfc(-1) in Python.
        Assert.Equal(2.2090496998585438e-05, GELU.Erfc(3), 2.2090496998585438e-05 * 1.2e-7);
        Assert.Equal(1.5374597944280351e-12, GELU.Erfc(5), 1.5374597944280351e-12 * 1.2e-7);
        Assert.Equal(1.8427007929497148, GELU.Erfc(-1), 1.8427007929497148 * 1.2e-7);
    }

    [Fact]
    public void Gradients_of_the_exact_form_match_finite_differences() =>
        GradientCheck.Layer(new GELU(), [3, 4], batch: 3, tolerance: 1e-2);

    [Fact]
    public void Gradients_of_the_tanh_approximation_match_finite_differences() =>
        GradientCheck.Layer(new GELU(useTanhApproximation: true), [3, 4], batch: 3, tolerance: 1e-2);

    [Fact]
    public void Large_tensors_give_the_same_result_on_one_or_two_threads() =>
        ElementwiseChecks.SameOnOneOrTwoThreads(() => new GELU());
}
