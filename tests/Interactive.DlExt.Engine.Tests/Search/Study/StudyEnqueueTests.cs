using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class StudyEnqueueTests
{
    private static readonly SearchSpace Space = SearchSpace.Create()
        .LogUniform("lr", 1e-4, 1e-1)
        .Choice("batch_size", 32, 64, 128)
        .Choice("optimizer", "sgd", "momentum", "adam")
        .Uniform("momentum", 0.8, 0.99, when: ("optimizer", ["momentum"]))
        .IntRange("layers", 1, 7, step: 2);

    private static Dictionary<string, object> Values(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    private static double Objective(Trial t) => Math.Abs(Math.Log10(t.Parameters.Double("lr")) + 2) + (t.Parameters.Int("batch_size") / 1000.0);

    [Fact]
    public void Enqueued_trials_run_first_in_order_with_exactly_their_values()
    {
        var study = new Study("enqueue", Space, new StudyOptions { Strategy = new RandomSearch(), Seed = 3 });
        study.Enqueue(Values(("lr", 0.01), ("batch_size", 64), ("optimizer", "adam"), ("layers", 3)));
        study.Enqueue(new TrialParameters([new("lr", 0.001), new("batch_size", 128), new("optimizer", "momentum"), new("momentum", 0.9), new("layers", 7)]));

        study.Optimize(Objective, trials: 5);

        var trials = study.Trials;
        Assert.Equal("lr=0.01, batch_size=64, optimizer=adam, layers=3", trials[0].Parameters.ToString());
        Assert.Equal("lr=0.001, batch_size=128, optimizer=momentum, momentum=0.9, layers=7", trials[1].Parameters.ToString());
        Assert.IsType<int>(trials[0].Parameters.Value("batch_size"));
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Empty(study.PendingEnqueued());

        // The strategy's own trials follow, numbered on: trial 2 is what the strategy draws for number 2 with the enqueued trials in its history.
        var expected = new RandomSearch().Suggest(
            new StudyHistory(Space, StudyDirection.Minimize, trials.Take(2)), 2, RandomSource.Derive(3, 2)).Parameters!;
        Assert.True(expected.SameAs(trials[2].Parameters), $"{expected} vs {trials[2].Parameters}");
    }

    [Fact]
    public void Values_not_given_are_filled_by_the_strategy_and_conditional_ones_only_when_active()
    {
        var study = new Study("partial", Space, new StudyOptions { Strategy = new RandomSearch(), Seed = 1 });
        study.Enqueue(Values(("lr", 0.02)));
        study.Enqueue(Values(("optimizer", "momentum"), ("learning_rate", "0.005"), ("batch-size", "32")));
        study.Optimize(Objective, trials: 2);

        var first = study.Trials[0].Parameters;
        Assert.Equal(0.02, first.Double("lr"));
        Assert.True(first.Has("batch_size") && first.Has("optimizer") && first.Has("layers"));
        Assert.Equal(first.String("optimizer") == "momentum", first.Has("momentum"));
        // The strategy's suggestion for trial 0, with lr replaced.
        var drawn = new RandomSearch().Suggest(new StudyHistory(Space, StudyDirection.Minimize, []), 0, RandomSource.Derive(1, 0)).Parameters!;
        Assert.Equal(drawn.String("optimizer"), first.String("optimizer"));
        Assert.Equal(drawn.Int("layers"), first.Int("layers"));

        var second = study.Trials[1].Parameters; // aliases and text values are accepted
        Assert.Equal((0.005, 32, "momentum"), (second.Double("lr"), second.Int("batch_size"), second.String("optimizer")));
        Assert.InRange(second.Double("momentum"), 0.8, 0.99); // active, not given: filled
    }

    [Theory]
    [InlineData("hidden", 32, "hidden = 32 is not accepted: expected a parameter of the search space: lr, batch_size, optimizer, momentum, layers.")]
    [InlineData("lr", 0.5, "lr = 0.5 is not accepted: expected a number in 0.0001..0.1 (0.0001..0.1:log).")]
    [InlineData("lr", "fast", "lr = fast is not accepted: expected a number in 0.0001..0.1 (0.0001..0.1:log).")]
    [InlineData("batch_size", 48, "batch_size = 48 is not accepted: expected one of 32,64,128.")]
    [InlineData("optimizer", "rmsprop", "optimizer = rmsprop is not accepted: expected one of sgd,momentum,adam.")]
    [InlineData("layers", 4, "layers = 4 is not accepted: expected an integer in 1..7 in steps of 2 (1..7:int:step=2).")]
    [InlineData("layers", 2.5, "layers = 2.5 is not accepted: expected an integer in 1..7 in steps of 2 (1..7:int:step=2).")]
    public void A_value_outside_the_space_or_an_unknown_name_is_refused_naming_the_parameter_value_and_what_is_accepted(string name, object value, string message)
    {
        var study = new Study("bad", Space);
        var e = Assert.Throws<DlExtArgumentException>(() => study.Enqueue(Values((name, value))));
        Assert.Equal(message, e.Reason);
        Assert.Equal(name, e.ParamName);
        Assert.Empty(study.PendingEnqueued());
    }

    [Fact]
    public void A_conditional_value_its_fixed_parent_makes_inactive_is_refused()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new Study("cond", Space).Enqueue(Values(("optimizer", "adam"), ("momentum", 0.9))));
        Assert.Equal("momentum = 0.9 is not accepted: expected a value only when optimizer in {momentum} (optimizer is adam here).", e.Reason);
    }

    [Fact]
    public void The_strategy_learns_from_enqueued_trials()
    {
        var study = new Study("learn", Space, new StudyOptions { Strategy = new RandomSearch(), Seed = 2 });
        study.Enqueue(Values(("lr", 0.01), ("batch_size", 32), ("optimizer", "adam"), ("layers", 1)));
        study.Enqueue(Values(("lr", 0.0001), ("batch_size", 128), ("optimizer", "sgd"), ("layers", 7)));
        study.Optimize(Objective, trials: 2);

        Assert.Equal(2, study.History.Completed.Count); // both enqueued trials are in the history the strategy is given
        Assert.Equal(0, study.BestTrial!.Number);
    }

    [Fact]
    public void A_resumed_sqlite_study_does_not_run_an_enqueued_trial_twice()
    {
        using var file = new TempStudyFile();
        var baseline = Values(("lr", 0.01), ("batch_size", 64), ("optimizer", "adam"), ("layers", 3));
        var runs = new List<string>();
        double Counted(Trial t)
        {
            lock (runs)
            {
                runs.Add(t.Parameters.ToString());
            }

            return Objective(t);
        }

        using (var storage = new SqliteStudyStorage(file.Path))
        {
            var study = new Study("resume", Space, new StudyOptions { Storage = storage, Strategy = new RandomSearch(), Seed = 4 });
            study.Enqueue(baseline);
            study.Optimize(Counted, trials: 2);
        }

        using (var storage = new SqliteStudyStorage(file.Path))
        {
            var study = new Study("resume", Space, new StudyOptions { Storage = storage, Strategy = new RandomSearch(), Seed = 4 });
            study.Enqueue(baseline); // the same cell run again
            Assert.Empty(study.PendingEnqueued());
            study.Optimize(Counted, trials: 4);
            Assert.Equal(4, study.Trials.Count);
            Assert.Single(study.Trials, t => t.Parameters.ToString() == "lr=0.01, batch_size=64, optimizer=adam, layers=3");
            Assert.Equal(0, study.Trials.Single(t => t.Parameters.ToString() == "lr=0.01, batch_size=64, optimizer=adam, layers=3").Number);
        }

        Assert.Equal(4, runs.Count);
        Assert.Single(runs, r => r == "lr=0.01, batch_size=64, optimizer=adam, layers=3");
    }

    [Fact]
    public void The_same_values_enqueued_twice_run_twice_and_a_full_budget_leaves_enqueued_trials_pending()
    {
        var study = new Study("twice", Space, new StudyOptions { Strategy = new RandomSearch() });
        var baseline = Values(("lr", 0.01), ("batch_size", 64), ("optimizer", "adam"), ("layers", 3));
        study.Enqueue(baseline);
        study.Enqueue(baseline);
        study.Enqueue(Values(("lr", 0.001)));
        study.Optimize(Objective, trials: 2);

        Assert.All(study.Trials, t => Assert.Equal("lr=0.01, batch_size=64, optimizer=adam, layers=3", t.Parameters.ToString()));
        Assert.Equal(0.001, Assert.Single(study.PendingEnqueued())["lr"]);
    }

    [Fact]
    public void A_sweep_runs_its_enqueued_baseline_as_trial_0_and_a_resumed_sweep_does_not_run_it_again()
    {
        using var file = new TempStudyFile();
        IReadOnlyDictionary<string, object> baseline = Values(("learning_rate", 0.05), ("hidden", 16));
        var first = new SweepSamples();
        SweepResult result;
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            result = Sweep.Run(first.Request(trials: 2) with { Storage = storage, Enqueued = [baseline] });
        }

        Assert.Equal("lr=0.05, hidden=16", result.Trials[0].Parameters.ToString());
        Assert.Equal(2, first.Builds);
        var second = new SweepSamples();
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            result = Sweep.Run(second.Request(trials: 3) with { Storage = storage, Enqueued = [baseline] });
        }

        Assert.Equal(1, second.Builds); // trial 2 only
        Assert.Single(result.Trials, t => t.Parameters.ToString() == "lr=0.05, hidden=16");
        var e = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(new SweepSamples().Request() with { Enqueued = [Values(("hidden", 8))] }));
        Assert.Equal("hidden = 8 is not accepted: expected one of 4,16.", e.Reason);
    }

    [Fact]
    public void Parallel_workers_run_each_enqueued_trial_once_as_the_first_numbers()
    {
        var study = new Study("parallel", Space, new StudyOptions { Strategy = new RandomSearch(), Seed = 6 });
        study.Enqueue(Values(("lr", 0.01), ("batch_size", 64), ("optimizer", "adam"), ("layers", 3)));
        study.Enqueue(Values(("lr", 0.002), ("batch_size", 32), ("optimizer", "sgd"), ("layers", 5)));

        study.Optimize(t => { Thread.Sleep(5); return Objective(t); }, trials: 8, parallelism: 3);

        var trials = study.Trials;
        Assert.Equal(8, trials.Count);
        Assert.Equal("lr=0.01, batch_size=64, optimizer=adam, layers=3", trials[0].Parameters.ToString());
        Assert.Equal("lr=0.002, batch_size=32, optimizer=sgd, layers=5", trials[1].Parameters.ToString());
        Assert.Single(trials, t => t.Parameters.ToString() == trials[0].Parameters.ToString());
        Assert.Single(trials, t => t.Parameters.ToString() == trials[1].Parameters.ToString());
    }
}
