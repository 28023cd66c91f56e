using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Losses;

public class MeanSquaredErrorTests
{
    [Fact]
    public void Mse_averages_over_every_element_and_its_gradient_is_two_errors_over_n()
    {
        var predictions = new Tensor([1f, 2f, 3f, 4f], 2, 2);
        var targets = new Tensor([0f, 2f, 5f, 1f], 2, 2);
        var gradient = new Tensor(2, 2);
        // errors 1, 0, −2, 3: (1 + 0 + 4 + 9) / 4
        Assert.Equal(3.5, new MeanSquaredError().Compute(predictions, targets, gradient), 12);
        Assert.Equal([0.5f, 0f, -1f, 1.5f], gradient.Data);
    }

    [Fact]
    public void Mse_gradient_matches_finite_differences()
    {
        var random = new RandomSource(3);
        GradientCheck.Loss(new MeanSquaredError(), GradientCheck.RandomTensor([4, 3], random), GradientCheck.RandomTensor([4, 3], random));
    }

    [Fact]
    public void Mse_accepts_batch_targets_for_a_single_output()
    {
        var loss = new MeanSquaredError().Compute(new Tensor([1f, 3f], 2, 1), new Tensor([0f, 1f], 2), null);
        Assert.Equal(2.5, loss, 12); // (1 + 4) / 2
    }

    [Fact]
    public void Mse_rejects_targets_of_another_size_naming_both_shapes()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new MeanSquaredError().Compute(new Tensor(2, 3), new Tensor(2, 2), null));
        Assert.Equal("targets", e.ParamName);
        Assert.Contains("[2, 2]", e.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", e.Message, StringComparison.Ordinal);
    }
}
