namespace Interactive.DlExt.Tests.Optimizers;

public class AdamWTests
{
    [Fact]
    public void AdamW_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.1, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, lambda = 0.1;
        double[] m = new double[3], v = new double[3];
        var expected = Trajectory.Expected((step, theta) =>
        {
            var t = step + 1;
            for (var i = 0; i < 3; i++)
            {
                theta[i] -= eta * lambda * theta[i];                          // θ ← θ − ηλθ (decoupled)
                var g = Trajectory.Gradients[step][i];
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g);
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = v[i] / (1 - Math.Pow(beta2, t));
                theta[i] -= eta * mHat / (Math.Sqrt(vHat) + epsilon);
            }
        });

        Assert.Equal(0.89, expected[0][0], 7); // 1 − 0.1·0.1·1 = 0.99, then − 0.1
        Trajectory.Check(new AdamW(eta, beta1, beta2, epsilon, lambda), eta, expected);
    }

    [Fact]
    public void AdamW_without_weight_decay_is_Adam()
    {
        const double eta = 0.1;
        Trajectory.Check(new AdamW(eta, weightDecay: 0), eta, AdamTests.Expected(eta, 0.9, 0.999, 1e-8, 0));
    }

    [Fact]
    public void AdamW_defaults_to_a_weight_decay_of_one_hundredth()
    {
        Assert.Equal(0.01, new AdamW().WeightDecay);
    }
}
