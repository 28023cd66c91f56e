namespace Interactive.DlExt.Tests.Optimizers;

public class SgdTests
{
    [Fact]
    public void Sgd_with_weight_decay_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.1, lambda = 0.1;
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                // θ ← θ − η(g + λθ)
                theta[i] -= eta * (Trajectory.Gradients[t][i] + (lambda * theta[i]));
            }
        });

        Assert.Equal(0.94, expected[0][0], 12); // 1 − 0.1·(0.5 + 0.1·1)
        Trajectory.Check(new Sgd(eta, weightDecay: lambda), eta, expected);
    }

    [Fact]
    public void Sgd_uses_the_learning_rate_given_to_the_step_not_the_base_rate()
    {
        var store = Support.WeightAndBiasLayer.Store([1f]);
        store.Gradients[0] = 2f;
        new Sgd(1.0).Step(store, 0.25, ComputePool.Serial);
        Assert.Equal(0.5f, store.Values[0]);
    }

    [Fact]
    public void Sgd_rejects_a_negative_weight_decay_naming_it()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new Sgd(0.1, weightDecay: -1));
        Assert.Equal("weight decay", e.ParamName);
        Assert.Contains("weight decay = -1", e.Message, StringComparison.Ordinal);
    }
}
