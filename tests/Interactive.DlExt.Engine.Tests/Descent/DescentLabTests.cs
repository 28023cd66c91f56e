namespace Interactive.DlExt.Tests.Descent;

public sealed class DescentLabTests
{
    [Fact]
    public void Sgd_on_the_round_bowl_shrinks_the_point_by_one_minus_eta_each_step()
    {
        var run = DescentLab.Run(Surfaces.Bowl(), new DescentSetting("sgd", 0.1), new DescentOptions { Steps = 20 });

        // ∇f = (x, y), so x_t = (1 − η)^t x_0, computed in float32 as training does.
        float x = -2.5f, y = 2f;
        for (var t = 1; t <= 20; t++)
        {
            x -= 0.1f * x;
            y -= 0.1f * y;
            Assert.Equal(x, (float)run.X[t]);
            Assert.Equal(y, (float)run.Y[t]);
        }

        Assert.Equal(DescentOutcome.Completed, run.Outcome);
        Assert.Equal(0.5 * (((double)x * x) + ((double)y * y)), run.FinalLoss, 12);
    }

    [Fact]
    public void Step_size_0_01_crawls_and_0_4_arrives_in_the_steps_the_algebra_predicts()
    {
        var result = DescentLab.Run(Surfaces.Bowl(), DescentSetting.Grid(["sgd"], [0.01, 0.4], []));

        // f_t = 5.125 · (1 − η)^(2t): η = 0.4 needs 5.125 · 0.36^t ≤ 1e-3, t ≥ 8.4, so step 9; η = 0.01 is still at 5.125 · 0.99^200.
        Assert.Equal(["η = 0.01", "η = 0.4"], result.Runs.Select(r => r.Label));
        Assert.Equal("sgd", result.Common);
        Assert.Equal(9, result.Runs[1].StepsToTolerance);
        Assert.Null(result.Runs[0].StepsToTolerance);
        Assert.Equal(5.125 * Math.Pow(0.99, 200), result.Runs[0].FinalLoss, 4);
        Assert.Same(result.Runs[1], result.Fastest);
    }

    [Fact]
    public void The_paths_are_the_optimizer_classes_own_steps()
    {
        var surface = new Rosenbrock();
        var lab = DescentLab.Run(surface, new DescentSetting("adam", 0.05), new DescentOptions { Steps = 50 });

        // The same Adam stepping a two-value store by hand, gradients from the surface.
        var store = Support.WeightAndBiasLayer.Store([-1.2f, 1f], vectorWeight: true);
        var adam = new Adam(0.05);
        for (var t = 1; t <= 50; t++)
        {
            var g = surface.Evaluate(store.Values[0], store.Values[1]);
            store.Gradients[0] = (float)g.Dx;
            store.Gradients[1] = (float)g.Dy;
            adam.Step(store, 0.05, ComputePool.Serial);
            Assert.Equal(store.Values[0], (float)lab.X[t]);
            Assert.Equal(store.Values[1], (float)lab.Y[t]);
        }
    }

    [Fact]
    public void Momentum_with_beta_zero_is_gradient_descent_bit_for_bit()
    {
        var surface = Surfaces.Elongated();
        var sgd = DescentLab.Run(surface, new DescentSetting("sgd", 0.05));
        var momentum = DescentLab.Run(surface, new DescentSetting("momentum", 0.05, 0));

        Assert.Equal(sgd.X, momentum.X);
        Assert.Equal(sgd.Y, momentum.Y);
    }

    [Fact]
    public void A_list_of_betas_runs_each_and_labels_them_by_beta()
    {
        var result = DescentLab.Run(Surfaces.Elongated(), DescentSetting.Grid(["momentum"], [0.1], [0, 0.6, 0.8, 0.9]));

        Assert.Equal(["β = 0", "β = 0.6", "β = 0.8", "β = 0.9"], result.Runs.Select(r => r.Label));
        Assert.Equal("momentum, η = 0.1", result.Common);
        Assert.All(result.Runs, r => Assert.Equal(DescentOutcome.Completed, r.Outcome));

        // Heavier momentum overshoots more on this valley: β = 0.9 needs the most steps, β = 0.6 the fewest.
        var steps = result.Runs.Select(r => r.StepsToTolerance!.Value).ToList();
        Assert.Equal(steps.Max(), steps[3]);
        Assert.Equal(steps.Min(), steps[1]);
    }

    [Fact]
    public void A_step_beyond_two_over_the_curvature_diverges_and_the_run_says_so()
    {
        // Along y the curvature is κ = 10, so gradient descent is stable for η < 0.2 only.
        var result = DescentLab.Run(Surfaces.Elongated(), DescentSetting.Grid(["sgd"], [0.19, 0.21], []));

        var stable = result.Runs[0];
        var diverged = result.Runs[1];
        Assert.Equal(DescentOutcome.Completed, stable.Outcome);
        Assert.Equal(DescentOutcome.Diverged, diverged.Outcome);
        Assert.True(diverged.Steps < 100);
        Assert.True(diverged.FinalLoss > 10 * diverged.Loss[0]);
        Assert.StartsWith($"diverged at step {diverged.Steps}: ", diverged.Message, StringComparison.Ordinal);
        Assert.Contains("η = 0.21 is too large here", diverged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loss_a_hundred_times_its_start_is_divergence()
    {
        // η = 3 on the round bowl multiplies the point by −2 each step and the loss by 4: 0.125 · 4⁵ = 128 > 100 at step 5.
        var run = DescentLab.Run(Surfaces.Bowl(), new DescentSetting("sgd", 3), new DescentOptions { Start = (0.5, 0) });

        Assert.Equal(DescentOutcome.Diverged, run.Outcome);
        Assert.Equal(5, run.Steps);
        Assert.StartsWith("diverged at step 5: the loss reached 128, more than 100 × max(|f(start)|, 1) = 100", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_off_the_saddle_escapes_with_its_loss_falling()
    {
        var run = DescentLab.Run(new Saddle(), new DescentSetting("sgd", 0.1));

        Assert.Equal(DescentOutcome.Escaped, run.Outcome);
        Assert.True(Math.Abs(run.End.Y) > 3 * 2, $"y = {run.End.Y}");
        Assert.True(run.FinalLoss < run.Loss[0]);
        Assert.Contains("left the picture far behind", run.Message, StringComparison.Ordinal);
        Assert.Null(run.StepsToTolerance);
    }

    [Fact]
    public void Without_a_known_minimum_a_run_arrives_where_the_gradient_vanishes()
    {
        var surface = Surfaces.Parse("(x - 1)^2 + 2*(y + 0.5)^2 + 3");

        var run = DescentLab.Run(surface, new DescentSetting("sgd", 0.1), new DescentOptions { Start = (-2, 2), Tolerance = 1e-3 });

        Assert.NotNull(run.StepsToTolerance);
        var t = run.StepsToTolerance!.Value;
        Assert.True(surface.Evaluate(run.X[t], run.Y[t]).GradientNorm <= 1e-3);
        Assert.True(surface.Evaluate(run.X[t - 1], run.Y[t - 1]).GradientNorm > 1e-3);
        Assert.Equal(3, run.FinalLoss, 5);
    }

    [Fact]
    public void Beta_for_optimizers_that_take_none_is_refused_naming_the_ones_that_do()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => DescentSetting.Grid(["sgd", "adam"], [0.1], [0.9]));

        Assert.Contains("momentum or nesterov", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_of_more_runs_than_one_picture_holds_is_refused()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => DescentSetting.Grid(["sgd", "adam", "rmsprop"], [0.01, 0.05, 0.1, 0.5, 1], []));

        Assert.Contains($"at most {DescentLab.MaxRuns} runs", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(DescentOptions.MaxSteps + 1)]
    public void Steps_out_of_range_are_refused(int steps)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => DescentLab.Run(Surfaces.Bowl(), new DescentSetting("sgd", 0.1), new DescentOptions { Steps = steps }));

        Assert.Equal("steps", e.ParamName);
    }

    [Fact]
    public void Other_optimizers_run_once_beside_each_beta_of_momentum()
    {
        var settings = DescentSetting.Grid(["sgd", "momentum", "adam"], [0.1], [0.5, 0.9]);

        Assert.Equal(["sgd", "momentum, β = 0.5", "momentum, β = 0.9", "adam"], settings.Select(s => s.LabelAmong(settings)));
    }
}
