using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

public sealed class TrainerTests
{
    [Fact]
    public void Training_raises_every_event_in_before_after_pairs_in_order()
    {
        var recorder = new RecordingCallback();
        var options = new TrainingOptions { Epochs = 2, BatchSize = 90, Threads = 1 };
        options.Callbacks.Add(recorder);

        Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options);

        var batch = new[] { TrainingEvent.BatchStarted, TrainingEvent.GradientsComputed, TrainingEvent.BatchEnded };
        TrainingEvent[] epoch = [TrainingEvent.EpochStarted, .. batch, .. batch, TrainingEvent.EpochEnded];
        Assert.Equal([TrainingEvent.TrainingStarted, .. epoch, .. epoch, TrainingEvent.TrainingEnded], recorder.Events);
    }

    [Fact]
    public void A_run_records_every_step_and_epoch_with_its_learning_rate_and_time()
    {
        var options = new TrainingOptions
        {
            Epochs = 3, BatchSize = 50, ValidationSplit = 0.2, Threads = 1,
            TimeProvider = new SteppingTimeProvider(TimeSpan.FromMilliseconds(10)),
            Optimizer = new Sgd(0.1),
        };

        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options);

        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(3 * 3, history.Steps.Count); // 144 training samples in batches of 50
        Assert.All(history.Steps, s => Assert.Equal(0.1, s.LearningRate));
        Assert.Equal(Enumerable.Range(0, 9).Select(i => (long)i), history.Steps.Select(s => s.Step));
        Assert.All(history.Epochs, e => Assert.True(e.Duration > TimeSpan.Zero));
        Assert.All(history.Epochs, e => Assert.NotNull(e.ValidationAccuracy));
        Assert.Equal(36, history.Settings.ValidationCount);
        Assert.True(history.IsComplete);
    }

    [Fact]
    public void Training_lowers_the_loss_and_reaches_high_accuracy_on_separable_blobs()
    {
        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { Epochs = 30, BatchSize = 16, ValidationSplit = 0.2, Seed = 3 });

        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss / 2);
        Assert.True(history.Epochs[^1].ValidationAccuracy > 0.9, history.ToString());
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_runs_for_one_and_two_threads()
    {
        string Run(int threads)
        {
            var model = TestData.SmallMlp();
            var history = Trainer.Fit(model, TestData.Blobs(), new TrainingOptions { Epochs = 3, BatchSize = 8, Threads = threads, Seed = 11, ValidationSplit = 0.25 });
            return TestData.Fingerprint(history, model);
        }

        Assert.Equal(Run(1), Run(2));
        Assert.Equal(Run(1), Run(3));
    }

    [Fact]
    public void Different_seeds_give_different_runs()
    {
        string Run(ulong seed)
        {
            var model = TestData.SmallMlp();
            return TestData.Fingerprint(Trainer.Fit(model, TestData.Blobs(), new TrainingOptions { Epochs = 1, Seed = seed, Threads = 1 }), model);
        }

        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void A_diverging_run_stops_with_a_message_naming_the_step_and_learning_rate()
    {
        var data = TestData.Blobs();
        var history = Trainer.Fit(TestData.SmallMlp(), data, new TrainingOptions { Epochs = 5, Optimizer = new Sgd(1e12), Threads = 1 });

        Assert.Equal(StopReason.Diverged, history.StopReason);
        Assert.Contains("diverged", history.StopMessage, StringComparison.Ordinal);
        Assert.Contains("learning rate 1e12", history.StopMessage, StringComparison.Ordinal);
        Assert.Matches(@"at step \d+ \(epoch 1\)", history.StopMessage);
        Assert.Empty(history.Epochs);
    }

    [Fact]
    public void An_exploding_but_finite_loss_stops_as_diverged_naming_the_step_the_start_and_the_learning_rate()
    {
        var digits = Datasets.Digits(flatten: true);
        var history = Trainer.Fit(TestData.SmallMlp(inputs: 64, classes: 10), digits, new TrainingOptions { Epochs = 3, Optimizer = new Sgd(1e6), Threads = 1 });

        Assert.Equal(StopReason.Diverged, history.StopReason);
        Assert.Matches(@"^diverged: the loss reached \S+ at step \d+ \(epoch 1\), more than 100 × its start \S+, with learning rate 1e6; try a smaller learning rate$", history.StopMessage);
        Assert.All(history.Steps, s => Assert.True(double.IsFinite(s.Loss)));
        Assert.True(history.Steps[^1].Loss > 100 * history.Steps[0].Loss, "the exploding step is kept in the history");
    }

    [Fact]
    public void A_normal_run_with_the_default_divergence_factor_completes()
    {
        var digits = Datasets.Digits(flatten: true);
        var history = Trainer.Fit(TestData.SmallMlp(inputs: 64, classes: 10), digits, new TrainingOptions { Epochs = 3, Optimizer = new Sgd(0.1), Threads = 1 });

        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.Equal(3, history.Epochs.Count);
    }

    [Fact]
    public void The_divergence_check_can_be_turned_off_and_refuses_a_factor_of_one_or_less()
    {
        var history = Trainer.Fit(TestData.SmallMlp(inputs: 64, classes: 10), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 1, Optimizer = new Sgd(1e6), DivergenceFactor = null, Threads = 1 });
        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { DivergenceFactor = 0.5 }));

        Assert.DoesNotContain("reached", history.StopMessage, StringComparison.Ordinal); // only NaN or infinity can stop it now
        Assert.Equal("divergence factor = 0.5 is not accepted: expected a finite number > 1, or null to turn the check off.", e.Reason);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("validation")]
    [InlineData("evaluate")]
    public void Non_finite_input_is_refused_before_training_naming_the_data_set_row_and_column(string where)
    {
        var blobs = TestData.Blobs();
        var features = blobs.Features.Clone();
        features[42, 1] = where == "validation" ? float.PositiveInfinity : float.NaN;
        var holed = new Dataset(features, blobs.Targets, 3, name: "holed");
        var model = TestData.SmallMlp();

        var e = Assert.Throws<DlExtArgumentException>(() =>
        {
            switch (where)
            {
                case "train": Trainer.Fit(model, holed, new TrainingOptions { Epochs = 1, Threads = 1 }); break;
                case "validation": Trainer.Fit(model, blobs, new TrainingOptions { Epochs = 1, Threads = 1, Validation = holed }); break;
                default: Trainer.Fit(model, blobs, new TrainingOptions { Epochs = 1, Threads = 1 }); Trainer.Evaluate(model, holed, threads: 1); break;
            }
        });

        var (role, value) = where switch
        {
            "train" => ("training data", "NaN"),
            "validation" => ("validation data", "∞"),
            _ => ("evaluation data", "NaN"),
        };
        Assert.Equal($"{role} 'holed' = {value} in feature row 42, column 1 (counted from 0) is not accepted: expected finite numbers only; drop or impute the missing values before training.", e.Reason);
    }

    [Fact]
    public void A_regression_target_that_is_not_finite_is_refused_too()
    {
        var targets = new Tensor(20, 1);
        targets[13, 0] = float.NaN;
        var data = new Dataset(new Tensor(20, 2), targets, name: "prices");

        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(new Sequential(new Linear(2, 1)), data, new TrainingOptions { Epochs = 1, Threads = 1 }));

        Assert.StartsWith("training data 'prices' = NaN in target row 13, column 0", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 180)]
    [InlineData(0.5, 90)]
    public void A_batch_larger_than_the_training_samples_is_one_full_batch_and_the_settings_say_so(double split, int samples)
    {
        var options = new TrainingOptions { BatchSize = 100_000, ValidationSplit = split, Epochs = 2, Threads = 1 };

        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options);

        Assert.Equal(samples, history.Settings.BatchSize);
        Assert.Equal(1, history.Settings.StepsPerEpoch);
        Assert.Equal(2, history.Steps.Count);
        Assert.Equal(100_000, options.BatchSize); // the caller's options are left as given
    }

    [Fact]
    public void Cancellation_stops_within_one_batch_and_returns_the_partial_history()
    {
        using var cts = new CancellationTokenSource();
        var options = new TrainingOptions { Epochs = 50, BatchSize = 4, Threads = 1 };
        options.Callbacks.Add(new RecordingCallback
        {
            OnEvent = (e, s) =>
            {
                if (e == TrainingEvent.BatchEnded && s.Step == 2)
                {
                    cts.Cancel();
                }
            },
        });

        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options, cts.Token);

        Assert.Equal(StopReason.Cancelled, history.StopReason);
        Assert.Equal(3, history.Steps.Count);
        Assert.True(history.IsComplete);
    }

    [Fact]
    public void A_callback_can_ask_to_stop_after_an_epoch()
    {
        var options = new TrainingOptions { Epochs = 10, Threads = 1 };
        options.Callbacks.Add(new RecordingCallback
        {
            OnEvent = (e, s) =>
            {
                if (e == TrainingEvent.EpochEnded && s.Epoch == 1)
                {
                    s.RequestStop("enough for today");
                }
            },
        });

        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options);

        Assert.Equal(StopReason.StopRequested, history.StopReason);
        Assert.Equal("enough for today", history.StopMessage);
        Assert.Equal(2, history.Epochs.Count);
    }

    [Fact]
    public void A_schedule_sets_the_learning_rate_of_every_step()
    {
        var options = new TrainingOptions { Epochs = 4, BatchSize = 180, Optimizer = new Sgd(0.1), Schedule = new StepDecay(2, 0.5), Threads = 1 };

        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options);

        Assert.Equal([0.1, 0.1, 0.05, 0.05], history.Steps.Select(s => s.LearningRate));
    }

    [Fact]
    public void L2_regularisation_adds_its_penalty_to_the_reported_loss()
    {
        double FirstLoss(double l2) => Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { Epochs = 1, L2 = l2, Threads = 1 }).Steps[0].Loss;

        Assert.True(FirstLoss(1.0) > FirstLoss(0) + 0.01);
    }

    [Theory]
    [InlineData("epochs", "epochs = 0 is not accepted: expected an integer ≥ 1.")]
    [InlineData("batch", "batch size = 0 is not accepted: expected an integer ≥ 1.")]
    [InlineData("split", "validation split = 1.5 is not accepted: expected a number in (0, 1).")]
    [InlineData("threads", "threads = 0 is not accepted: expected an integer from 1 to 256.")]
    [InlineData("threads-huge", "threads = 100000 is not accepted: expected an integer from 1 to 256.")]
    public void Bad_options_get_a_message_naming_the_value_and_what_is_accepted(string which, string message)
    {
        var options = which switch
        {
            "epochs" => new TrainingOptions { Epochs = 0 },
            "batch" => new TrainingOptions { BatchSize = 0 },
            "split" => new TrainingOptions { ValidationSplit = 1.5 },
            "threads-huge" => new TrainingOptions { Threads = 100_000 },
            _ => new TrainingOptions { Threads = 0 },
        };

        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), options));

        Assert.Equal(message, e.Reason);
    }

    [Fact]
    public void A_model_whose_output_does_not_match_the_classes_is_refused_before_training()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(TestData.SmallMlp(classes: 5), TestData.Blobs(), new TrainingOptions()));

        Assert.Equal("model output = [5] is not accepted: expected [3] (one logit per class of 'blobs').", e.Reason);
    }

    [Fact]
    public void Validation_data_of_another_shape_is_refused()
    {
        var other = new Dataset(new Tensor(4, 3), new Tensor(4), 3);

        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { Validation = other }));

        Assert.Contains("[3]", e.Reason, StringComparison.Ordinal);
        Assert.Contains("[2], like the training data", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_gives_loss_accuracy_and_a_confusion_matrix_that_counts_every_sample()
    {
        var data = TestData.Blobs();
        var model = TestData.SmallMlp();
        Trainer.Fit(model, data, new TrainingOptions { Epochs = 20, Threads = 1, Optimizer = new Adam(0.01) });

        var result = Trainer.Evaluate(model, data, threads: 1);

        var confusion = result.ConfusionMatrix!;
        Assert.Equal(data.Count, confusion.Total);
        var diagonal = Enumerable.Range(0, 3).Sum(c => confusion[c, c]);
        Assert.Equal((double)diagonal / data.Count, result.Accuracy);
        Assert.True(result.Accuracy > 0.9);
        Assert.True(result.Loss > 0);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_000)]
    public void Evaluate_refuses_a_thread_count_outside_1_to_256_before_starting_any_thread(int threads)
    {
        var model = TestData.SmallMlp();
        Trainer.Fit(model, TestData.Blobs(), new TrainingOptions { Epochs = 1, Threads = 1 });

        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Evaluate(model, TestData.Blobs(), threads: threads));

        Assert.Equal($"threads = {threads} is not accepted: expected an integer from 1 to {TrainingOptions.MaxThreads}.", e.Reason);
    }

    [Fact]
    public void Evaluating_an_untrained_unbuilt_model_says_what_to_do()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Trainer.Evaluate(TestData.SmallMlp(), TestData.Blobs()));

        Assert.Contains("train it", e.Message, StringComparison.Ordinal);
    }
}
