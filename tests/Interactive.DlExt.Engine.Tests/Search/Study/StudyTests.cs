using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class StudyTests
{
    private static readonly SearchSpace Space = SearchSpace.Create().Uniform("x", -1, 1);

    [Fact]
    public void A_failing_trial_is_recorded_with_its_message_and_the_study_goes_on()
    {
        var study = new Study("fail", Space, new StudyOptions { Strategy = new RandomSearch() });
        var finished = study.Optimize(t => t.Number == 2 ? throw new ArgumentException("bad batch") : t.Parameters.Double("x"), trials: 5, parallelism: 2);
        Assert.Equal(5, finished);
        var trials = study.Trials;
        Assert.Equal(TrialState.Failed, trials[2].State);
        Assert.Equal("ArgumentException: bad batch", trials[2].Message);
        Assert.Equal(4, trials.Count(t => t.State == TrialState.Completed));
        Assert.NotEqual(2, study.BestTrial!.Number);
    }

    [Fact]
    public void A_non_finite_objective_value_fails_the_trial()
    {
        var study = new Study("nan", Space, new StudyOptions { Strategy = new RandomSearch() });
        study.Optimize(t => double.NaN, trials: 1);
        Assert.Equal(TrialState.Failed, study.Trials[0].State);
        Assert.Equal("the objective returned NaN", study.Trials[0].Message);
    }

    [Fact]
    public void Cancellation_stops_cleanly_keeping_finished_trials_and_the_next_run_reruns_the_interrupted_one()
    {
        var study = new Study("cancel", Space, new StudyOptions { Strategy = new RandomSearch(), Seed = 8 });
        using var cts = new CancellationTokenSource();
        var finished = study.Optimize(
            t =>
            {
                if (t.Number == 3)
                {
                    cts.Cancel();
                    t.CancellationToken.ThrowIfCancellationRequested();
                }

                return t.Parameters.Double("x");
            },
            trials: 10,
            cancellationToken: cts.Token);

        Assert.Equal(3, finished);
        var trials = study.Trials;
        Assert.Equal(4, trials.Count);
        Assert.All(trials.Take(3), t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(TrialState.Cancelled, trials[3].State);
        var interrupted = trials[3].Parameters.Double("x");

        var rerun = new List<int>();
        study.Optimize(t => { rerun.Add(t.Number); return t.Parameters.Double("x"); }, trials: 5);
        Assert.Equal(new[] { 3, 4 }, rerun);
        Assert.Equal(interrupted, study.Trials[3].Parameters.Double("x"));
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Completed, t.State));
    }

    [Fact]
    public void Maximize_picks_the_largest_value_as_best()
    {
        var study = new Study("max", Space, new StudyOptions { Strategy = new RandomSearch(), Direction = StudyDirection.Maximize });
        study.Optimize(t => t.Parameters.Double("x"), trials: 12);
        Assert.Equal(study.Trials.Max(t => t.Value), study.BestTrial!.Value);
    }

    [Fact]
    public void Parameter_importance_ranks_the_parameter_that_drives_the_objective_first()
    {
        var space = SearchSpace.Create().Uniform("lr", 0, 1).Uniform("noise", 0, 1).Choice("optimizer", "sgd", "adam");
        var study = new Study("imp", space, new StudyOptions { Strategy = new RandomSearch(), Seed = 12 });
        study.Optimize(t => (10 * t.Parameters.Double("lr")) + (t.Parameters.String("optimizer") == "adam" ? 2 : 0) + (0.1 * t.Parameters.Double("noise")), trials: 80);
        var importance = study.ParameterImportance();
        Assert.Equal(1.0, importance.Values.Sum(), 9);
        Assert.True(importance["lr"] > importance["optimizer"]);
        Assert.True(importance["optimizer"] > importance["noise"]);
    }
}
