using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Losses;

public class CrossEntropyTests
{
    // Row 0: equal logits, softmax 1/4 each. Row 1: exps 1, 3, 1, 1, softmax 1/6, 1/2, 1/6, 1/6.
    private static Tensor Logits() => new([0f, 0f, 0f, 0f, 0f, (float)Math.Log(3), 0f, 0f], 2, 4);

    [Fact]
    public void Cross_entropy_matches_hand_computed_values()
    {
        var gradient = new Tensor(2, 4);
        var loss = new CrossEntropy().Compute(Logits(), new Tensor([2f, 1f], 2), gradient);
        Assert.Equal((Math.Log(4) + Math.Log(2)) / 2, loss, 6);
        // (softmax − onehot) / batch
        double[] expected = [0.25 / 2, 0.25 / 2, -0.75 / 2, 0.25 / 2, 1.0 / 12, -0.5 / 2, 1.0 / 12, 1.0 / 12];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], gradient.Data[i], 6);
        }
    }

    [Fact]
    public void Label_smoothing_spreads_epsilon_over_the_classes()
    {
        var loss = new CrossEntropy(labelSmoothing: 0.2).Compute(Logits(), new Tensor([2f, 1f], 2), null);
        // Row 0: uniform softmax, so −Σ q log(1/4) = log 4 whatever q. Row 1: q = 0.05, 0.85, 0.05, 0.05.
        var row1 = -((3 * 0.05 * Math.Log(1.0 / 6)) + (0.85 * Math.Log(0.5)));
        Assert.Equal((Math.Log(4) + row1) / 2, loss, 6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public void Cross_entropy_gradient_matches_finite_differences(double smoothing)
    {
        var random = new RandomSource(5);
        var logits = GradientCheck.RandomTensor([3, 5], random, scale: 2);
        GradientCheck.Loss(new CrossEntropy(smoothing), logits, new Tensor([4f, 0f, 2f], 3));
    }

    [Fact]
    public void Cross_entropy_stays_finite_for_logits_of_a_thousand()
    {
        var logits = new Tensor([1000f, -1000f, 0f, -1000f, 1000f, 0f], 2, 3);
        var gradient = new Tensor(2, 3);
        var loss = new CrossEntropy().Compute(logits, new Tensor([1f, 1f], 2), gradient);
        Assert.Equal(1000, loss, 6); // row 0: −log softmax = 2000, row 1: 0
        Assert.All(gradient.Data, g => Assert.True(float.IsFinite(g)));
        Assert.Equal([0.5f, -0.5f, 0f, 0f, 0f, 0f], gradient.Data);
    }

    [Theory]
    [InlineData(3f, "label = 3 (item 1)")]
    [InlineData(-1f, "label = -1 (item 1)")]
    [InlineData(1.5f, "label = 1.5 (item 1)")]
    public void Cross_entropy_rejects_a_label_outside_the_classes_naming_it_and_the_range(float label, string named)
    {
        var e = Assert.Throws<DlExtArgumentException>(() =>
            new CrossEntropy().Compute(new Tensor(2, 3), new Tensor([0f, label], 2), null));
        Assert.Equal("label", e.ParamName);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Contains("from 0 to 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_entropy_is_a_classification_loss()
    {
        Assert.True(new CrossEntropy().IsClassification);
        Assert.False(new MeanSquaredError().IsClassification);
    }
}
