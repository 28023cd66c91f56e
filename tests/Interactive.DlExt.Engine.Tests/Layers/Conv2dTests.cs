using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public class Conv2dTests
{
    [Fact]
    public void Gradients_match_finite_differences() => GradientCheck.Layer(new Conv2d(2, 3, 3), [2, 5, 5]);

    [Fact]
    public void Gradients_match_finite_differences_with_stride_2_and_padding_1() =>
        GradientCheck.Layer(new Conv2d(2, 3, 3, stride: 2, padding: 1), [2, 5, 6]);

    [Fact]
    public void Gradients_match_finite_differences_with_a_rectangular_kernel() =>
        GradientCheck.Layer(new Conv2d(3, 2, (2, 3), padding: 1), [3, 4, 5]);

    [Fact]
    public void Output_shape_description_and_initialisation_follow_the_arguments()
    {
        var layer = new Conv2d(1, 32, 3, 1, 1);
        var store = Build(layer, [1, 28, 28]);
        Assert.Equal(new[] { 32, 28, 28 }, layer.OutputShape);
        Assert.Equal("Conv2d(1 → 32, 3×3, stride 1, pad 1)", layer.Describe());
        Assert.Equal(32 * 9, layer.Parameters[0].Length);
        Assert.All(layer.Parameters[1].Values.ToArray(), b => Assert.Equal(0f, b));
        var weights = layer.Parameters[0].Values.ToArray();
        var std = Math.Sqrt(weights.Sum(v => (double)v * v) / weights.Length);
        Assert.InRange(std, 0.7 * Math.Sqrt(2.0 / 9), 1.3 * Math.Sqrt(2.0 / 9));
        Assert.Equal((32 * 9) + 32, store.TrainableCount);
    }

    [Fact]
    public void Parameter_gradients_accumulate_and_the_first_layer_skips_its_input_gradient()
    {
        var layer = new Conv2d(2, 4, 3, padding: 1);
        var store = Build(layer, [2, 6, 6]);
        layer.InputGradientRequired = false;
        using var pool = new ComputePool(2);
        var context = new LayerContext(pool, new RandomSource(2), training: true);
        var output = layer.Forward(new Tensor(GradientCheckData(2 * 2 * 36), 2, 2, 6, 6), context);
        var gradient = new Tensor(GradientCheckData(output.Length), output.ShapeArray());
        Assert.Null(layer.Backward(gradient, context));
        var once = (float[])store.Gradients.Clone();
        layer.Backward(gradient, context);
        for (var i = 0; i < once.Length; i++)
        {
            // The second pass continues each element's FMA chain, so only rounding separates it from 2×.
            Assert.True(Math.Abs((2 * once[i]) - store.Gradients[i]) <= 1e-5 * (1 + Math.Abs(once[i])), $"gradient[{i}]");
        }
    }

    [Fact]
    public void The_arguments_read_as_in_PyTorch_in_channels_out_channels_kernel()
    {
        var layer = new Conv2d(1, 32, 3);
        Build(layer, [1, 10, 10]);
        Assert.Equal((1, 32, 3, 3, 1, 0), (layer.InChannels, layer.OutChannels, layer.KernelHeight, layer.KernelWidth, layer.Stride, layer.Padding));
        Assert.Equal(new[] { 32, 8, 8 }, layer.OutputShape);
        Assert.Equal(new[] { 32, 1, 3, 3 }, layer.Parameters[0].Shape);
    }

    [Fact]
    public void An_input_with_other_channels_than_declared_is_rejected_naming_both_numbers()
    {
        var layer = new Conv2d(1, 32, 3) { Name = "conv1" };
        var error = Assert.Throws<DlExtArgumentException>(() => layer.Build([3, 10, 10]));
        Assert.Equal("inChannels", error.ParamName);
        Assert.Contains("inChannels = 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 3 channels", error.Message, StringComparison.Ordinal);
        Assert.Contains("conv1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rank_1_input_is_rejected_naming_the_layer_and_both_shapes()
    {
        var layer = new Conv2d(1, 8, 3) { Name = "conv1" };
        var error = Assert.Throws<DlExtArgumentException>(() => layer.Build([784]));
        Assert.Contains("[784]", error.Message, StringComparison.Ordinal);
        Assert.Contains("conv1", error.Message, StringComparison.Ordinal);
        Assert.Contains("[channels, height, width]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kernel_larger_than_the_padded_input_is_rejected()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => new Conv2d(1, 8, 5, padding: 1).Build([1, 2, 2]));
        Assert.Contains("[1, 2, 2]", error.Message, StringComparison.Ordinal);
        Assert.Contains("5×5", error.Message, StringComparison.Ordinal);
    }

    internal static ParameterStore Build(Layer layer, int[] itemShape, ulong seed = 3)
    {
        layer.Build(itemShape);
        return new ParameterStore(GradientCheck.AllParameters(layer).ToList(), new RandomSource(seed));
    }

    private static float[] GradientCheckData(int length) =>
        GradientCheck.RandomTensor([length], new RandomSource((ulong)length)).Data;
}
