namespace Interactive.DlExt.Tests.Optimizers;

public sealed class OptimizerStepTests
{
    [Theory]
    [InlineData("sgd")]
    [InlineData("momentum")]
    [InlineData("nesterov")]
    [InlineData("adagrad")]
    [InlineData("rmsprop")]
    [InlineData("adam")]
    [InlineData("adamw")]
    public void Every_built_in_step_consumes_the_gradients_and_leaves_them_at_zero(string name)
    {
        var optimizer = Interactive.DlExt.Optimizers.Create(name, 0.1);
        var store = Support.WeightAndBiasLayer.Store(Enumerable.Range(0, 40_000).Select(i => (float)i / 1000).ToArray());
        Array.Fill(store.Gradients, 0.5f);

        optimizer.Step(store, 0.1, new ComputePool(2));

        Assert.All(store.Gradients, g => Assert.Equal(0f, g));
    }
}
