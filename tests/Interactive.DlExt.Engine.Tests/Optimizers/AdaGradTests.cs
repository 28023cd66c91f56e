namespace Interactive.DlExt.Tests.Optimizers;

public class AdaGradTests
{
    [Fact]
    public void AdaGrad_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.1, epsilon = 1e-10;
        var sum = new double[3];
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Trajectory.Gradients[t][i];
                sum[i] += g * g;                                         // G ← G + g²
                theta[i] -= eta * g / (Math.Sqrt(sum[i]) + epsilon);     // θ ← θ − η·g/(√G + ε)
            }
        });

        Assert.Equal(0.9, expected[0][0], 9); // G = 0.25, θ = 1 − 0.1·0.5/0.5
        Trajectory.Check(new AdaGrad(eta, epsilon), eta, expected);
    }

    [Fact]
    public void AdaGrad_adds_epsilon_outside_the_square_root()
    {
        // With G = g² = 0.01 and ε = 0.1: η·g/(√G + ε) = 1·0.1/(0.1 + 0.1) = 0.5, whereas √(G + ε) would give 0.1/√0.11.
        var store = Support.WeightAndBiasLayer.Store([0f]);
        store.Gradients[0] = 0.1f;
        new AdaGrad(1.0, epsilon: 0.1).Step(store, 1.0, ComputePool.Serial);
        Assert.Equal(-0.5, store.Values[0], 6);
    }

    [Fact]
    public void AdaGrad_rejects_a_zero_epsilon_naming_it()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new AdaGrad(0.1, epsilon: 0));
        Assert.Equal("epsilon", e.ParamName);
        Assert.Contains("> 0", e.Message, StringComparison.Ordinal);
    }
}
