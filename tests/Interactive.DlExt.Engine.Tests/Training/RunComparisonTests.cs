using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

/// <summary>Runs side by side: labels from the settings that differ, the x axis per choice, and the batch-size numbers.</summary>
public sealed class RunComparisonTests
{
    private static TrainingSettings Settings(int batch = 32, double lr = 0.1, string optimizer = "sgd", OptimizerSettings? own = null, int steps = 10, int trainCount = 320) =>
        new("Linear(2→3)", 9, optimizer, "θ ← θ − ηg", lr, "constant", "cross-entropy", batch, 3, steps, trainCount, 80, 1, 1, 0, 0,
            OptimizerSettings: own ?? new OptimizerSettings(0));

    private static TrainingHistory History(TrainingSettings settings, params (double Seconds, double? Accuracy)[] epochs)
    {
        var history = new TrainingHistory(settings);
        for (var i = 0; i < epochs.Length; i++)
        {
            history.AddEpoch(new EpochRecord(i, 1.0 / (i + 1), 0.5, 1.2 / (i + 1), epochs[i].Accuracy, settings.LearningRate, TimeSpan.FromSeconds(epochs[i].Seconds)));
        }

        history.Complete(StopReason.Completed, "completed");
        return history;
    }

    [Fact]
    public void Compare_labels_write_small_learning_rates_as_people_write_them()
    {
        var comparison = new RunComparison([History(Settings(lr: 1e-4)), History(Settings(lr: 1e-5)), History(Settings(lr: 2.5e-6))]);

        Assert.Equal(["lr 0.0001", "lr 1e-5", "lr 2.5e-6"], comparison.Runs.Select(r => r.Label));
    }

    [Fact]
    public void Compare_labels_each_run_by_the_setting_that_differs()
    {
        var comparison = new RunComparison([History(Settings(lr: 0.01)), History(Settings(lr: 0.4))]);

        Assert.Equal(["lr 0.01", "lr 0.4"], comparison.Runs.Select(r => r.Label));
        Assert.Equal(["lr"], comparison.DifferingSettings);
        Assert.False(comparison.DiffersInBatchSize);
    }

    [Fact]
    public void Compare_labels_runs_differing_in_two_settings_with_both_batch_first()
    {
        var comparison = new RunComparison([History(Settings(batch: 32, lr: 0.05)), History(Settings(batch: 128, lr: 0.2))]);

        Assert.Equal(["batch 32, lr 0.05", "batch 128, lr 0.2"], comparison.Runs.Select(r => r.Label));
        Assert.True(comparison.DiffersInBatchSize);
    }

    [Fact]
    public void Compare_labels_optimizers_by_name_without_the_settings_only_one_of_them_has()
    {
        var comparison = new RunComparison([
            History(Settings(optimizer: "sgd")),
            History(Settings(optimizer: "momentum", own: new OptimizerSettings(0, Momentum: 0.9))),
            History(Settings(optimizer: "adam", own: new OptimizerSettings(0, Beta1: 0.9, Beta2: 0.999))),
        ]);

        Assert.Equal(["sgd", "momentum", "adam"], comparison.Runs.Select(r => r.Label));
    }

    [Fact]
    public void Compare_labels_momentum_runs_by_their_beta()
    {
        var comparison = new RunComparison(new[] { 0.0, 0.6, 0.9 }.Select(b => History(Settings(optimizer: "momentum", own: new OptimizerSettings(0, Momentum: b)))));

        Assert.Equal(["β 0", "β 0.6", "β 0.9"], comparison.Runs.Select(r => r.Label));
    }

    [Fact]
    public void Runs_that_no_recorded_setting_tells_apart_are_called_by_the_names_given()
    {
        var comparison = new RunComparison([History(Settings()), History(Settings())], names: ["h1", "h2"]);
        var unnamed = new RunComparison([History(Settings()), History(Settings())]);

        Assert.Equal(["h1", "h2"], comparison.Runs.Select(r => r.Label));
        Assert.Equal(["run 1", "run 2"], unnamed.Runs.Select(r => r.Label));
    }

    [Fact]
    public void The_x_axis_counts_epochs_steps_samples_or_seconds_at_each_epoch_end()
    {
        var run = new RunComparison([History(Settings(batch: 64, steps: 5, trainCount: 320), (2.0, 0.5), (3.0, 0.7))]).Runs[0];

        Assert.Equal([1.0, 2.0], run.EpochEnds(ComparisonAxis.Epochs));
        Assert.Equal([5.0, 10.0], run.EpochEnds(ComparisonAxis.Steps));
        Assert.Equal([320.0, 640.0], run.EpochEnds(ComparisonAxis.Samples));
        Assert.Equal([2.0, 5.0], run.EpochEnds(ComparisonAxis.Seconds));
    }

    [Fact]
    public void The_batch_summary_is_computed_from_the_epoch_times_and_accuracies()
    {
        var run = new RunComparison([History(Settings(batch: 64, steps: 5, trainCount: 320), (2.0, 0.5), (3.0, 0.8), (1.0, 0.75))]).Runs[0];

        Assert.Equal(TimeSpan.FromSeconds(2), run.TimePerEpoch); // (2 + 3 + 1) / 3
        Assert.Equal(5, run.StepsPerEpoch);
        Assert.Equal(160.0, run.SamplesPerSecond, 12); // 3 × 320 samples in 6 s
        Assert.Equal(0.75, run.FinalValidationAccuracy);
        Assert.Equal(0.8, run.BestValidationAccuracy);
        Assert.Equal([(2.0, 0.5), (5.0, 0.8), (6.0, 0.75)], run.AccuracyAgainstTime());
    }

    [Fact]
    public void The_axis_is_parsed_from_its_name_and_a_bogus_one_is_refused_with_the_accepted_names()
    {
        Assert.Equal(ComparisonAxis.Seconds, RunComparison.ParseAxis("seconds"));
        Assert.Equal(ComparisonAxis.Steps, new RunComparison([History(Settings())]).WithAxis(ComparisonAxis.Steps).Axis);

        var e = Assert.Throws<DlExtArgumentException>(() => RunComparison.ParseAxis("bogus"));
        Assert.Contains("epochs, steps, samples, seconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trainer_records_the_optimizer_settings_in_the_history()
    {
        var history = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { Epochs = 1, Optimizer = new Momentum(0.1, beta: 0.6), Threads = 1 });
        var adam = Trainer.Fit(TestData.SmallMlp(), TestData.Blobs(), new TrainingOptions { Epochs = 1, Optimizer = new AdamW(0.01, weightDecay: 0.02), Threads = 1 });

        Assert.Equal(new OptimizerSettings(0, Momentum: 0.6), history.Settings.OptimizerSettings);
        Assert.Equal(new OptimizerSettings(0.02, Beta1: 0.9, Beta2: 0.999), adam.Settings.OptimizerSettings);
    }
}
