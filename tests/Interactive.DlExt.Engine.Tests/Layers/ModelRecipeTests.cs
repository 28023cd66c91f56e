namespace Interactive.DlExt.Tests.Layers;

public sealed class ModelRecipeTests
{
    private static Dataset Images(int channels, int side, int classes = 10) =>
        new(new Tensor(4, channels, side, side), new Tensor(4), classes, name: "images");

    [Fact]
    public void The_courses_784_512_256_10_network_is_mlp_512_256_on_mnist_shaped_data()
    {
        var model = ModelRecipe.Parse("mlp:512,256").Build(Images(1, 28));
        model.Build([1, 28, 28]);

        Assert.Equal("Flatten → Linear(784 → 512) → ReLU → Linear(512 → 256) → ReLU → Linear(256 → 10)", string.Join(" → ", model.Layers.Select(l => l.Describe())));
        Assert.Equal(784 * 512 + 512 + 512 * 256 + 256 + 256 * 10 + 10, model.Store.TrainableCount);
    }

    [Fact]
    public void A_cnn_recipe_stacks_convolution_relu_and_pooling_per_channel_count()
    {
        var model = ModelRecipe.Parse("cnn:32,64").Build(Images(1, 28));

        Assert.Equal(
            ["Conv2d", "ReLU", "MaxPool2d", "Conv2d", "ReLU", "MaxPool2d", "Flatten", "Linear", "ReLU", "Linear"],
            model.Layers.Select(l => l.GetType().Name));
        model.Build([1, 28, 28]);
        Assert.Equal([10], model.OutputShape);
    }

    [Fact]
    public void The_output_is_one_value_per_regression_target()
    {
        var regression = new Dataset(new Tensor(5, 3), new Tensor(5, 2), name: "r");

        var model = ModelRecipe.Parse("mlp:8").Build(regression);

        Assert.Equal("Linear(3 → 8) → ReLU → Linear(8 → 2)", string.Join(" → ", model.Layers.Select(l => l.Describe())));
    }

    [Theory]
    [InlineData("mlp")]
    [InlineData("mlp:")]
    [InlineData("mlp:0")]
    [InlineData("mlp:12,x")]
    [InlineData("rnn:4")]
    [InlineData("mlp:70000")]
    public void Text_that_is_not_a_recipe_is_refused_with_the_syntax(string text)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => ModelRecipe.Parse(text, "--model"));

        Assert.Equal($"--model = {text} is not accepted: expected {ModelRecipe.Syntax}, with 1 to 16 widths from 1 to 65536.", e.Reason);
    }

    [Fact]
    public void A_cnn_on_vectors_or_with_more_poolings_than_the_images_allow_is_refused()
    {
        var vectors = Assert.Throws<DlExtArgumentException>(() => ModelRecipe.Parse("cnn:8").Build(new Dataset(new Tensor(4, 64), new Tensor(4), 10)));
        var tooDeep = Assert.Throws<DlExtArgumentException>(() => ModelRecipe.Parse("cnn:8,8,8,8").Build(Images(1, 8)));

        Assert.Equal("model = cnn:8 is not accepted: expected an mlp for data of shape [64]: a cnn needs images [channels, height, width].", vectors.Reason);
        Assert.Equal("model = cnn:8,8,8,8 is not accepted: expected at most 3 convolution layers for 8×8 images (each halves the side).", tooDeep.Reason);
    }
}
