using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class DropoutTests
{
    [Fact]
    public void Training_zeroes_about_rate_of_the_values_and_scales_the_rest()
    {
        var dropout = new Dropout(0.25);
        LayerHarness.Model(dropout, [1000]);
        var x = new Tensor(10, 1000);
        x.Data.AsSpan().Fill(1);

        var y = dropout.Forward(x, LayerHarness.Context(training: true)).Values();

        var zeros = y.Count(v => v == 0);
        Assert.All(y, v => Assert.True(v == 0 || v == 1 / 0.75f, $"{v}"));
        Assert.InRange(zeros / 10_000.0, 0.24, 0.26);
    }

    [Fact]
    public void Evaluation_is_the_identity()
    {
        var dropout = new Dropout(0.5);
        new Sequential(new ReLU(), dropout).Build([4]);
        var context = LayerHarness.Context(training: false);
        var x = new Tensor([1, 2, 3, 4], 1, 4);
        var g = new Tensor([5, 6, 7, 8], 1, 4);

        Assert.Same(x, dropout.Forward(x, context));
        Assert.Same(g, dropout.Backward(g, context));
    }

    [Fact]
    public void Gradients_match_finite_differences_with_the_same_seeded_mask() =>
        GradientCheck.Layer(new Dropout(0.5), [3, 4], batch: 3);

    [Fact]
    public void The_backward_pass_uses_the_forward_mask()
    {
        var dropout = new Dropout(0.5);
        new Sequential(new ReLU(), dropout).Build([50]);
        var context = LayerHarness.Context(training: true);
        var x = new Tensor(4, 50);
        x.Data.AsSpan().Fill(3);
        var g = new Tensor(4, 50);
        g.Data.AsSpan().Fill(1);

        var y = dropout.Forward(x, context).Values();
        var dx = dropout.Backward(g, context)!.Values();

        Assert.Equal(y.Select(v => v / 3), dx);
        Assert.Contains(0f, dx);
        Assert.Contains(2f, dx);
    }

    [Fact]
    public void A_seed_gives_the_same_mask_for_any_thread_count() =>
        ElementwiseChecks.SameOnOneOrTwoThreads(() => new Dropout(0.3));

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_rate_outside_zero_to_one_is_rejected_by_name(double rate)
    {
        var error = Assert.Throws<DlExtArgumentException>(() => new Dropout(rate));

        Assert.Equal("rate", error.ParamName);
        Assert.Contains("[0, 1)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_rate_is_the_identity_even_while_training()
    {
        var dropout = new Dropout(0);
        LayerHarness.Model(dropout, [3]);
        var x = new Tensor([1, 2, 3], 1, 3);

        Assert.Same(x, dropout.Forward(x, LayerHarness.Context(training: true)));
    }
}
