using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Search;

public sealed class SweepResumeTests
{
    [Fact]
    public void A_sqlite_sweep_resumes_running_only_the_missing_trials()
    {
        using var file = new TempStudyFile();
        SweepResult first;
        var firstRun = new SweepSamples();
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            first = Sweep.Run(firstRun.Request(trials: 3) with { Storage = storage, StudyName = "resume" });
        }

        Assert.Equal(3, firstRun.Builds);
        var secondRun = new SweepSamples();
        SweepResult second;
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            second = Sweep.Run(secondRun.Request(trials: 6) with { Storage = storage, StudyName = "resume" });
        }

        Assert.Equal(3, secondRun.Builds); // trials 3, 4, 5 only
        Assert.Equal(6, second.Count(TrialState.Completed));
        Assert.All(second.Trials.Take(3), t => Assert.Null(t.History)); // ran in the first call, kept from the file
        Assert.All(second.Trials.Skip(3), t => Assert.NotNull(t.History));
        Assert.Equal(SweepSamples.Fingerprint(first), string.Join("\n", SweepSamples.Fingerprint(second).Split('\n').Take(3)));
        Assert.Equal(SweepSamples.Fingerprint(Sweep.Run(new SweepSamples().Request(trials: 6))), SweepSamples.Fingerprint(second));
    }

    [Fact]
    public void A_cancelled_trial_keeps_its_curve_in_the_file_and_a_resumed_sqlite_sweep_reruns_it()
    {
        using var file = new TempStudyFile();
        using var cts = new CancellationTokenSource();
        SweepResult first;
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            first = Sweep.Run(new SweepSamples().Request(trials: 4, epochs: 4) with { Storage = storage, Configure = SweepTests.CancelInSecondTrial(cts) }, cts.Token);
        }

        Assert.Equal(TrialState.Cancelled, first.Trials[1].State);
        Assert.Equal(2, first.Trials[1].Curve.Count); // read back from the file
        var resumedRun = new SweepSamples();
        SweepResult resumed;
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            var reopened = new Study("sweep", SweepSamples.Space, new StudyOptions { Storage = storage, Seed = 5, Strategy = new RandomSearch() });
            Assert.Equal(TrialState.Cancelled, reopened.Trials[1].State);
            Assert.Equal(2, reopened.Trials[1].IntermediateValues.Count);
            resumed = Sweep.Run(resumedRun.Request(trials: 4, epochs: 4) with { Storage = storage });
        }

        Assert.Equal(3, resumedRun.Builds); // trial 1 again, then 2 and 3; trial 0 is kept
        Assert.Equal(4, resumed.Count(TrialState.Completed));
        Assert.Equal(4, resumed.Trials[1].Curve.Count); // the re-run's own curve, not appended to the cancelled one
        Assert.Equal(SweepSamples.Fingerprint(Sweep.Run(new SweepSamples().Request(trials: 4, epochs: 4))), SweepSamples.Fingerprint(resumed));
    }

    [Fact]
    public void A_study_resumed_with_another_strategy_or_epochs_is_refused_naming_the_setting_and_both_values()
    {
        using var file = new TempStudyFile();
        using var storage = new SqliteStudyStorage(file.Path);
        var first = new SweepSamples().Request(trials: 1, epochs: 40) with { Storage = storage, StudyName = "x", Strategy = new RandomSearch() };
        Sweep.Run(first);

        var strategy = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(first with { Strategy = new TpeSearch(), Epochs = 1, Trials = 3 }));
        Assert.Equal("strategy = tpe is not accepted: expected random, the strategy study 'x' was created with; use a new study name.", strategy.Reason);
        var epochs = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(first with { Epochs = 1, Trials = 3 }));
        Assert.Equal("epochs = 1 is not accepted: expected 40, the epochs study 'x' was created with; use a new study name.", epochs.Reason);
        var pruner = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(first with { Pruner = new MedianPruner(), Trials = 3 }));
        Assert.Equal("pruner", pruner.ParamName);
        Assert.Throws<DlExtArgumentException>(() => Sweep.Run(first with { Optimizer = "adam", Trials = 3 }));
        Assert.Throws<DlExtArgumentException>(() => Sweep.Run(first with { ValidationSplit = 0.3, Trials = 3 }));

        Assert.Single(new Study("x", SweepSamples.Space, new StudyOptions { Storage = storage, Seed = 5, Strategy = new RandomSearch() }).Trials);
    }

    [Fact]
    public void A_study_file_from_before_settings_were_stored_opens_silently_and_keeps_the_settings_of_its_next_run()
    {
        using var file = new TempStudyFile();
        var request = new SweepSamples().Request(trials: 1, epochs: 2) with { StudyName = "old" };
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            Sweep.Run(request with { Storage = storage });
        }

        SqliteStudyStorageTests.MakeVersion1(file.Path);
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            Assert.Equal(2, Sweep.Run(request with { Storage = storage, Trials = 2 }).Count(TrialState.Completed));
            var e = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(request with { Storage = storage, Trials = 3, Epochs = 1 }));
            Assert.Equal("epochs", e.ParamName);
        }
    }

    [Fact]
    public void A_sweep_worker_whose_trial_was_taken_over_stops_training_it_and_the_other_run_stands()
    {
        using var file = new TempStudyFile();
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        using var pausedStorage = new SqliteStudyStorage(file.Path, clock, TimeSpan.FromMinutes(2));
        using var otherStorage = new SqliteStudyStorage(file.Path, clock, TimeSpan.FromMinutes(2));
        var request = new SweepSamples().Request(trials: 1, epochs: 6) with { StudyName = "late" };
        SweepResult? other = null;
        var pause = new AfterFirstEpoch(() =>
        {
            clock.Advance(TimeSpan.FromMinutes(5)); // the worker is stopped past the abandon timeout; another one re-runs the trial
            other = Sweep.Run(request with { Storage = otherStorage });
        });

        var paused = Sweep.Run(request with { Storage = pausedStorage, Configure = (_, o) => o.Callbacks.Add(pause) });

        Assert.Equal(StopReason.StopRequested, paused.Trials[0].History!.StopReason); // told at its next report, it stopped
        Assert.Equal(2, paused.Trials[0].History!.Epochs.Count);
        Assert.Equal(SweepSamples.Fingerprint(Sweep.Run(request)), SweepSamples.Fingerprint(other!));
        Assert.Equal(SweepSamples.Fingerprint(other!), SweepSamples.Fingerprint(paused)); // the file holds the other run's trial
    }

    private sealed class AfterFirstEpoch(Action action) : TrainingCallback
    {
        private int _epochs;

        protected override void OnEpochEnded(TrainingState state)
        {
            if (++_epochs == 1)
            {
                action();
            }
        }
    }

    [Fact]
    public void Evaluating_the_best_retrained_configuration_matches_the_kept_model_bit_for_bit()
    {
        using var storage = new InMemoryStudyStorage();
        var test = TestData.Blobs(perClass: 20, seed: 9).WithName("blobs-test");
        var first = Sweep.Run(new SweepSamples().Request(trials: 4) with { Storage = storage, Test = test });
        var again = new SweepSamples();
        var resumed = Sweep.Run(again.Request(trials: 4) with { Storage = storage });

        Assert.NotNull(first.TestEvaluation);
        Assert.Equal(60, first.TestEvaluation!.Count);
        Assert.Equal(0, again.Builds);
        Assert.Null(resumed.Best!.History);
        var retrained = resumed.EvaluateBest(test);
        Assert.Equal(1, again.Builds);
        Assert.Equal(first.TestEvaluation.Loss, retrained.Loss);
        Assert.Equal(first.TestEvaluation.Accuracy, retrained.Accuracy);
    }

    [Fact]
    public void A_validation_set_named_like_a_test_set_is_refused_with_the_reason()
    {
        var samples = new SweepSamples();
        var request = samples.Request() with { Validation = TestData.Blobs(perClass: 10, seed: 4).WithName("blobs-test") };

        var e = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(request));
        Assert.Contains("\"blobs-test\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("the test set must be touched only once, at the end", e.Message, StringComparison.Ordinal);
        Assert.Contains("AllowTestNamedValidation", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, samples.Builds);

        var allowed = Sweep.Run(request with { AllowTestNamedValidation = true, Trials = 1, Epochs = 1 });
        Assert.Equal(10 * 3, allowed.Trials[0].History!.Settings.ValidationCount);
    }

    [Fact]
    public void The_training_set_is_refused_as_validation_or_test_data()
    {
        var request = new SweepSamples().Request();
        var asValidation = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(request with { Validation = SweepSamples.Train }));
        Assert.Contains("the training set itself", asValidation.Message, StringComparison.Ordinal);
        var asTest = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(request with { Test = SweepSamples.Train }));
        Assert.Contains("data used neither for training nor for tuning", asTest.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_searched_momentum_that_some_optimizers_cannot_use_is_refused_before_training()
    {
        var space = SearchSpace.Create().Choice("optimizer", "sgd", "momentum").Uniform("momentum", 0.5, 0.9).Choice("hidden", 8);
        var samples = new SweepSamples();
        var e = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(samples.Request(space: space)));
        Assert.Contains("when: (\"optimizer\", [\"momentum\", \"nesterov\"])", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, samples.Builds);
    }

    [Fact]
    public void Accuracy_on_regression_data_is_refused()
    {
        var data = Datasets.LinearRegression(count: 40);
        var request = new SweepRequest(() => new Sequential(new Linear(1, 1)), data, SearchSpace.Create().LogUniform("lr", 1e-3, 1e-1))
        {
            Objective = SweepObjective.ValidationAccuracy,
        };
        var e = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(request));
        Assert.Contains("not a classification data set", e.Message, StringComparison.Ordinal);
    }
}
