namespace Interactive.DlExt.Tests.Layers;

public sealed class FlattenTests
{
    [Fact]
    public void Images_become_rows_without_copying()
    {
        var flatten = new Flatten();
        LayerHarness.Model(flatten, [2, 3, 4]);
        var x = new Tensor(5, 2, 3, 4);

        var y = flatten.Forward(x, LayerHarness.Context());

        Assert.Equal([24], flatten.OutputShape);
        Assert.Equal([5, 24], y.Shape);
        Assert.Same(x.Data, y.Data);
    }

    [Fact]
    public void Row_major_order_is_kept()
    {
        var flatten = new Flatten();
        LayerHarness.Model(flatten, [2, 2]);
        var x = new Tensor([1, 2, 3, 4], 1, 2, 2);

        var y = flatten.Forward(x, LayerHarness.Context());

        Assert.Equal(x[0, 1, 0], y[0, 2]);
        Assert.Equal([1f, 2f, 3f, 4f], y.Values());
    }

    [Fact]
    public void The_gradient_is_the_incoming_one_reshaped_to_the_input_shape()
    {
        var flatten = new Flatten();
        new Sequential(new ReLU(), flatten).Build([2, 3, 4]); // second layer, so its input gradient is needed
        var context = LayerHarness.Context(training: true);
        var g = new Tensor(5, 24);

        flatten.Forward(new Tensor(5, 2, 3, 4), context);
        var dx = flatten.Backward(g, context)!;

        Assert.Equal([5, 2, 3, 4], dx.Shape);
        Assert.Same(g.Data, dx.Data);
    }
}
