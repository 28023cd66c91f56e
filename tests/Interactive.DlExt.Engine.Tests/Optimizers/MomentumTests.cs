namespace Interactive.DlExt.Tests.Optimizers;

public class MomentumTests
{
    [Fact]
    public void Exponential_average_momentum_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.1, beta = 0.9;
        var v = new double[3];
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                v[i] = (beta * v[i]) + ((1 - beta) * Trajectory.Gradients[t][i]); // v ← βv + (1−β)g
                theta[i] -= eta * v[i];                                            // θ ← θ − ηv
            }
        });

        Assert.Equal(0.995, expected[0][0], 12); // v = 0.1·0.5 = 0.05, θ = 1 − 0.1·0.05
        Trajectory.Check(new Momentum(eta, beta, MomentumForm.ExponentialAverage), eta, expected);
    }

    [Fact]
    public void Classical_momentum_matches_the_hand_computed_first_three_steps()
    {
        const double eta = 0.1, mu = 0.9;
        var v = new double[3];
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                v[i] = (mu * v[i]) + Trajectory.Gradients[t][i]; // v ← μv + g
                theta[i] -= eta * v[i];                           // θ ← θ − ηv
            }
        });

        Assert.Equal(0.95, expected[0][0], 12); // v = 0.5, θ = 1 − 0.1·0.5
        Trajectory.Check(new Momentum(eta, mu, MomentumForm.Classical), eta, expected);
    }

    [Fact]
    public void Momentum_adds_coupled_weight_decay_to_the_gradient()
    {
        const double eta = 0.1, mu = 0.5, lambda = 0.2;
        var v = new double[3];
        var expected = Trajectory.Expected((t, theta) =>
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Trajectory.Gradients[t][i] + (lambda * theta[i]); // g ← g + λθ
                v[i] = (mu * v[i]) + g;
                theta[i] -= eta * v[i];
            }
        });

        Trajectory.Check(new Momentum(eta, mu, MomentumForm.Classical, lambda), eta, expected);
    }

    [Fact]
    public void Momentum_forms_are_named_in_the_formula()
    {
        Assert.Contains("(1−β)", new Momentum(0.1).Formula, StringComparison.Ordinal);
        Assert.Contains("μv + g", new Momentum(0.1, form: MomentumForm.Classical).Formula, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Momentum_rejects_a_beta_outside_zero_to_one_naming_it(double beta)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new Momentum(0.1, beta));
        Assert.Equal("beta", e.ParamName);
        Assert.Contains("[0, 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_forgets_the_velocity()
    {
        var optimizer = new Momentum(0.1, 0.9, MomentumForm.Classical);
        var store = Support.WeightAndBiasLayer.Store([1f]);
        store.Gradients[0] = 1f;
        optimizer.Step(store, 0.1, ComputePool.Serial);
        optimizer.Reset();
        Assert.Equal(0, optimizer.StepCount);
        var before = store.Values[0];
        store.Gradients[0] = 1f; // a step consumes its gradient
        optimizer.Step(store, 0.1, ComputePool.Serial);
        Assert.Equal(before - 0.1f, store.Values[0]); // a fresh velocity v = g = 1
    }
}
