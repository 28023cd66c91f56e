using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Losses;

public class BinaryCrossEntropyTests
{
    [Fact]
    public void Binary_cross_entropy_from_logits_matches_hand_computed_values()
    {
        // x = 0, y = 1: log 2.  x = ln 3, y = 0: ln 3 + log(1 + 1/3) = log 4, σ = 3/4.
        var gradient = new Tensor(2, 1);
        var loss = new BinaryCrossEntropy().Compute(new Tensor([0f, (float)Math.Log(3)], 2, 1), new Tensor([1f, 0f], 2), gradient);
        Assert.Equal((Math.Log(2) + Math.Log(4)) / 2, loss, 6);
        Assert.Equal(-0.25, gradient.Data[0], 6); // (0.5 − 1) / 2
        Assert.Equal(0.375, gradient.Data[1], 6); // (0.75 − 0) / 2
    }

    [Fact]
    public void Binary_cross_entropy_from_probabilities_matches_hand_computed_values()
    {
        var gradient = new Tensor(2);
        var loss = new BinaryCrossEntropy(fromLogits: false).Compute(new Tensor([0.25f, 0.5f], 2), new Tensor([1f, 0f], 2), gradient);
        Assert.Equal((Math.Log(4) + Math.Log(2)) / 2, loss, 6);
        Assert.Equal((0.25 - 1) / (0.25 * 0.75) / 2, gradient.Data[0], 5);
        Assert.Equal(0.5 / 0.25 / 2, gradient.Data[1], 5);
    }

    [Fact]
    public void Binary_cross_entropy_gradients_match_finite_differences()
    {
        var random = new RandomSource(9);
        var targets = new Tensor([1f, 0f, 0f, 1f, 1f, 0f], 3, 2);
        GradientCheck.Loss(new BinaryCrossEntropy(), GradientCheck.RandomTensor([3, 2], random, scale: 2), targets);
        var probabilities = new Tensor([0.2f, 0.7f, 0.4f, 0.9f, 0.5f, 0.3f], 3, 2);
        GradientCheck.Loss(new BinaryCrossEntropy(fromLogits: false), probabilities, targets, h: 1e-3);
    }

    [Fact]
    public void Binary_cross_entropy_stays_finite_for_logits_of_a_thousand()
    {
        var gradient = new Tensor(4, 1);
        var loss = new BinaryCrossEntropy().Compute(new Tensor([1000f, -1000f, 1000f, -1000f], 4, 1), new Tensor([1f, 0f, 0f, 1f], 4), gradient);
        Assert.Equal(500, loss, 6); // 0, 0, 1000, 1000 averaged
        Assert.Equal([0f, 0f, 0.25f, -0.25f], gradient.Data);
    }

    [Fact]
    public void Binary_cross_entropy_rejects_targets_outside_zero_to_one()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new BinaryCrossEntropy().Compute(new Tensor(2, 1), new Tensor([0f, 2f], 2), null));
        Assert.Equal("target", e.ParamName);
        Assert.Contains("target = 2 (value 1)", e.Message, StringComparison.Ordinal);
    }
}
