using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class SweepTests
{
    [Fact]
    public void A_seeded_sweep_on_tiny_data_completes_every_trial_with_curves_and_histories()
    {
        var samples = new SweepSamples();
        var result = Sweep.Run(samples.Request(trials: 6, epochs: 3));

        Assert.Equal(6, result.Trials.Count);
        Assert.Equal(6, samples.Builds);
        Assert.All(result.Trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.All(result.Trials, t => Assert.Equal(3, t.Curve.Count));
        Assert.All(result.Trials, t => Assert.Equal(3, t.History!.Epochs.Count));
        Assert.All(result.Trials, t => Assert.Equal(t.History!.Epochs[^1].ValidationLoss, t.Value));
        Assert.All(result.Trials, t => Assert.Equal(Sweep.TrialSeed(5, t.Number), t.History!.Settings.Seed));
        Assert.Equal(result.Trials.Min(t => t.Value), result.Best!.Value);
        Assert.Equal(result.Best, result.Ranked()[0]);
        Assert.Equal(["lr", "hidden"], result.ParameterImportance.Keys);
        Assert.True(result.IsFinished);
        Assert.False(result.WasCancelled);
        Assert.Contains("6 completed", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Trials_are_bit_identical_for_parallelism_one_and_two_thanks_to_per_trial_seeds()
    {
        var sequential = Sweep.Run(new SweepSamples().Request(trials: 6));
        var parallel = Sweep.Run(Parallel(new SweepSamples(), threads: 1));
        var twoByTwo = Sweep.Run(Parallel(new SweepSamples(), threads: 2));

        Assert.Equal(SweepSamples.Fingerprint(sequential), SweepSamples.Fingerprint(parallel));
        Assert.Equal(SweepSamples.Fingerprint(sequential), SweepSamples.Fingerprint(twoByTwo));
        Assert.Equal(2, twoByTwo.Parallelism);
    }

    [Fact]
    public void Each_trial_reproduces_alone_with_its_seed_and_parameters()
    {
        var result = Sweep.Run(new SweepSamples().Request(trials: 3));
        var trial = result.Trials[2];
        var model = new SweepSamples().Model(trial.Parameters);
        var validationSplit = SweepSamples.Train.Split(0.2, Sweep.SplitSeed(5));
        var history = Trainer.Fit(model, validationSplit.Train, new TrainingOptions
        {
            Epochs = 3, BatchSize = 16, Optimizer = new Sgd(trial.Parameters.Double("lr")), Seed = trial.Seed,
            Validation = validationSplit.Validation, Threads = 1,
        });
        Assert.Equal(trial.Value, history.Epochs[^1].ValidationLoss);
    }

    [Fact]
    public void Pruning_stops_trials_early_and_keeps_their_partial_curves()
    {
        var samples = new SweepSamples();
        var result = Sweep.Run(samples.Request(trials: 8, epochs: 6) with { Pruner = new AshaPruner(minResource: 1, reductionFactor: 3) });

        var pruned = result.Trials.Where(t => t.State == TrialState.Pruned).ToArray();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, t => Assert.InRange(t.EpochsRun, 1, 5));
        Assert.All(pruned, t => Assert.Equal(t.EpochsRun, t.Curve.Count));
        Assert.All(pruned, t => Assert.Equal(t.Curve[^1], t.Value));
        Assert.All(pruned, t => Assert.Equal(StopReason.StopRequested, t.History!.StopReason));
        Assert.All(pruned, t => Assert.StartsWith("pruned after epoch", t.History!.StopMessage, StringComparison.Ordinal));
        Assert.Contains(result.Trials, t => t.State == TrialState.Completed && t.EpochsRun == 6);
        Assert.Equal(TrialState.Completed, result.Best!.State);
    }

    [Fact]
    public void A_diverging_trial_is_recorded_failed_with_its_message_and_the_sweep_goes_on()
    {
        var space = SearchSpace.Create().Choice("lr", 0.05, 1e9).Choice("hidden", 16);
        var result = Sweep.Run(new SweepSamples().Request(trials: 2, epochs: 3, space: space) with { Strategy = new GridSearch() });

        Assert.Equal(TrialState.Completed, result.Trials[0].State);
        var failed = result.Trials[1];
        Assert.Equal(TrialState.Failed, failed.State);
        Assert.StartsWith("diverged: the loss", failed.Message, StringComparison.Ordinal);
        Assert.Equal(StopReason.Diverged, failed.History!.StopReason);
        Assert.Equal(0, result.Best!.Number);
    }

    [Fact]
    public void A_sweep_over_data_with_a_nan_is_refused_before_any_trial_naming_the_row_and_column()
    {
        var features = SweepSamples.Train.Features.Clone();
        features[7, 1] = float.NaN;
        var holed = new Dataset(features, SweepSamples.Train.Targets, 3, name: "holed");

        var samples = new SweepSamples();
        var request = new SweepRequest(samples.Model, holed, SweepSamples.Space) { Trials = 2, Epochs = 1, ThreadsPerTrial = 1 };

        var e = Assert.Throws<DlExtArgumentException>(() => Sweep.Run(request));

        Assert.Equal(0, samples.Builds);

        Assert.Equal("training data 'holed' = NaN in feature row 7, column 1 (counted from 0) is not accepted: expected finite numbers only; drop or impute the missing values before training.", e.Reason);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("median")]
    [InlineData("asha")]
    [InlineData("hyperband")]
    public void The_result_names_its_pruner_as_the_prune_option_takes_it(string name)
    {
        var samples = new SweepSamples();
        var request = new SweepRequest(samples.Model, SweepSamples.Train, SweepSamples.Space)
        {
            Trials = 1, Epochs = 1, ThreadsPerTrial = 1, Pruner = Sweep.CreatePruner(name, epochs: 1),
        };

        Assert.Equal(name, Sweep.Run(request).PrunerName);
    }

    [Fact]
    public void A_throwing_model_factory_fails_only_its_trial()
    {
        var samples = new SweepSamples();
        var request = new SweepRequest(
            p => p.Int("hidden") == 4 ? throw new InvalidOperationException("no small models") : samples.Model(p),
            SweepSamples.Train,
            SweepSamples.Space) { Strategy = new GridSearch(pointsPerRange: 2), Trials = 4, Epochs = 1, ThreadsPerTrial = 1 };

        var result = Sweep.Run(request);
        Assert.Equal(2, result.Count(TrialState.Failed));
        Assert.Equal(2, result.Count(TrialState.Completed));
        Assert.All(result.Trials.Where(t => t.State == TrialState.Failed), t => Assert.Equal("InvalidOperationException: no small models", t.Message));
    }

    [Fact]
    public void Accuracy_objective_is_maximised_and_reported_per_epoch()
    {
        var result = Sweep.Run(new SweepSamples().Request(trials: 4) with { Objective = SweepObjective.ValidationAccuracy });
        Assert.Equal(StudyDirection.Maximize, result.Direction);
        Assert.Equal(result.Trials.Max(t => t.Value), result.Best!.Value);
        Assert.All(result.Trials, t => Assert.Equal(t.History!.Epochs.Select(e => e.ValidationAccuracy!.Value), t.Curve));
        Assert.Equal("validation accuracy", result.ObjectiveName);
    }

    [Fact]
    public void Parameters_named_like_training_options_set_them_per_trial()
    {
        var space = SearchSpace.Create().Choice("batch_size", 8, 64).Choice("epochs", 2).Choice("optimizer", "sgd", "momentum")
            .Uniform("momentum", 0.5, 0.9, when: ("optimizer", ["momentum"])).Choice("l2", 0.0, 0.01).Choice("hidden", 8);
        var result = Sweep.Run(new SweepSamples().Request(trials: 8, space: space) with { Strategy = new GridSearch() });

        Assert.All(result.Trials, t =>
        {
            var settings = t.History!.Settings;
            Assert.Equal(t.Parameters.Int("batch_size"), settings.BatchSize);
            Assert.Equal(2, t.History.Epochs.Count);
            Assert.Equal(t.Parameters.String("optimizer"), settings.Optimizer.ToLowerInvariant());
            Assert.Equal(t.Parameters.Double("l2"), settings.L2);
        });
    }

    [Fact]
    public void Progress_snapshots_arrive_for_trial_starts_epochs_and_ends_and_never_overlap()
    {
        var snapshots = new List<SweepResult>();
        var inside = 0;
        var overlapped = false;
        var request = new SweepSamples().Request(trials: 4, epochs: 2) with
        {
            Parallelism = 2,
            Progress = s =>
            {
                overlapped |= Interlocked.Increment(ref inside) > 1;
                snapshots.Add(s);
                Thread.Sleep(1);
                Interlocked.Decrement(ref inside);
            },
        };

        var result = Sweep.Run(request);

        Assert.False(overlapped);
        Assert.Equal(4 * (1 + 2 + 1), snapshots.Count); // start, each epoch, end
        Assert.Contains(snapshots, s => s.Trials.Any(t => t.State == TrialState.Running && t.History is null));
        Assert.All(snapshots, s => Assert.False(s.IsFinished));
        Assert.Equal(4, snapshots[^1].Count(TrialState.Completed) + snapshots[^1].Count(TrialState.Running));
        Assert.Null(result.ProgressError);
    }

    [Fact]
    public void A_throwing_progress_callback_does_not_stop_the_sweep()
    {
        var result = Sweep.Run(new SweepSamples().Request(trials: 2, epochs: 1) with { Progress = _ => throw new InvalidOperationException("display gone") });
        Assert.Equal(2, result.Count(TrialState.Completed));
        Assert.Equal("InvalidOperationException: display gone", result.ProgressError);
    }

    [Fact]
    public void Cancellation_keeps_finished_trials_and_a_second_run_finishes_the_rest()
    {
        using var storage = new InMemoryStudyStorage();
        using var cts = new CancellationTokenSource();
        var request = new SweepSamples().Request(trials: 6, epochs: 2) with
        {
            Storage = storage,
            Progress = s =>
            {
                if (s.Count(TrialState.Completed) == 2)
                {
                    cts.Cancel();
                }
            },
        };

        var first = Sweep.Run(request, cts.Token);
        Assert.True(first.WasCancelled);
        Assert.Equal(2, first.Count(TrialState.Completed));
        Assert.True(first.Trials.Count < 6);
        Assert.All(first.Trials.Skip(2), t => Assert.Equal(TrialState.Cancelled, t.State));

        var samples = new SweepSamples();
        var second = Sweep.Run(new SweepSamples().Request(trials: 6, epochs: 2) with { Storage = storage });
        Assert.Equal(6, second.Count(TrialState.Completed));
        Assert.Equal(SweepSamples.Fingerprint(Sweep.Run(samples.Request(trials: 6, epochs: 2))), SweepSamples.Fingerprint(second));
    }

    [Fact]
    public void A_trial_cancelled_mid_training_is_marked_cancelled_and_keeps_the_epochs_it_finished()
    {
        using var cts = new CancellationTokenSource();
        var request = new SweepSamples().Request(trials: 4, epochs: 4) with { Configure = CancelInSecondTrial(cts) };

        var result = Sweep.Run(request, cts.Token);

        Assert.True(result.WasCancelled);
        Assert.Equal(2, result.Trials.Count);
        Assert.Equal(TrialState.Completed, result.Trials[0].State);
        var cancelled = result.Trials[1];
        Assert.Equal(TrialState.Cancelled, cancelled.State);
        Assert.False(cancelled.IsFinished);
        Assert.Null(cancelled.Value);
        Assert.Equal(2, cancelled.EpochsRun);
        Assert.Equal(StopReason.Cancelled, cancelled.History!.StopReason);
        Assert.Equal(cancelled.History.Epochs.Select(e => e.ValidationLoss!.Value), cancelled.Curve);
        Assert.StartsWith("cancelled during epoch 3", cancelled.Message, StringComparison.Ordinal);
        Assert.Contains("1 cancelled", result.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Cancels the sweep during the second trial's third epoch: 15 batches in, at 6 batches per epoch.</summary>
    internal static Action<TrialParameters, TrainingOptions> CancelInSecondTrial(CancellationTokenSource cts)
    {
        var configured = 0;
        return (_, options) =>
        {
            if (Interlocked.Increment(ref configured) == 2)
            {
                options.Callbacks.Add(new CancelAfterBatches(cts, 15));
            }
        };
    }

    [Fact]
    public void Strategies_and_pruners_are_created_by_name_and_unknown_names_list_the_accepted_ones()
    {
        Assert.IsType<GridSearch>(Sweep.CreateStrategy("grid"));
        Assert.IsType<RandomSearch>(Sweep.CreateStrategy("Random"));
        Assert.Equal(4, Assert.IsType<CoarseToFineSearch>(Sweep.CreateStrategy("coarse-to-fine", 12)).TrialsPerRound);
        Assert.IsType<TpeSearch>(Sweep.CreateStrategy("tpe"));
        Assert.Null(Sweep.CreatePruner("none"));
        Assert.IsType<MedianPruner>(Sweep.CreatePruner("median"));
        Assert.IsType<AshaPruner>(Sweep.CreatePruner("asha"));
        var e = Assert.Throws<DlExtArgumentException>(() => Sweep.CreateStrategy("bayesian-magic"));
        Assert.Contains("grid, random, coarse-to-fine, tpe", e.Message, StringComparison.Ordinal);
        Assert.Throws<DlExtArgumentException>(() => Sweep.CreatePruner("successive-halving"));
    }

    [Fact]
    public void Coarse_to_fine_sweeps_report_their_rounds()
    {
        var result = Sweep.Run(new SweepSamples().Request(trials: 6, epochs: 1) with { Strategy = new CoarseToFineSearch(trialsPerRound: 3, topTrials: 1) });
        Assert.Equal(2, result.Rounds.Count);
        Assert.True(result.Rounds[1]["lr"].High / result.Rounds[1]["lr"].Low < result.Rounds[0]["lr"].High / result.Rounds[0]["lr"].Low);
    }

    private static SweepRequest Parallel(SweepSamples samples, int threads) =>
        samples.Request(trials: 6) with { Parallelism = 2, ThreadsPerTrial = threads };

    private sealed class CancelAfterBatches(CancellationTokenSource cts, int batches) : TrainingCallback
    {
        private int _seen;

        protected override void OnBatchEnded(TrainingState state)
        {
            if (++_seen == batches)
            {
                cts.Cancel();
            }
        }
    }
}
