using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

public sealed class TrainingAdvisorTests
{
    private static TrainingSettings Settings(double lr = 0.01, int batch = 32, int train = 1000, int classes = 3, double largestInput = 1) =>
        new("Linear(2 → 3)", 9, "sgd", "θ ← θ − ηg", lr, "constant", "cross-entropy", batch, 10, 32, train, 200, 0, 1, 0, 0, ClassCount: classes, LargestInput: largestInput);

    private static TrainingHistory History(TrainingSettings settings, params (double Train, double Validation)[] epochs)
    {
        var history = new TrainingHistory(settings);
        for (var i = 0; i < epochs.Length; i++)
        {
            history.AddEpoch(new EpochRecord(i, epochs[i].Train, null, epochs[i].Validation, null, settings.LearningRate, TimeSpan.FromSeconds(1)));
        }

        history.Complete(StopReason.Completed, "completed");
        return history;
    }

    [Fact]
    public void A_healthy_run_gets_no_advice()
    {
        var history = History(Settings(), (1.0, 1.1), (0.8, 0.9), (0.6, 0.8), (0.5, 0.75), (0.45, 0.74));

        Assert.Empty(TrainingAdvisor.For(history));
    }

    [Fact]
    public void Validation_loss_rising_while_training_loss_falls_is_overfitting_from_the_epoch_after_the_best()
    {
        var history = History(Settings(), (1.0, 1.0), (0.7, 0.8), (0.5, 0.7), (0.4, 0.75), (0.3, 0.8), (0.2, 0.9));

        var note = Assert.Single(TrainingAdvisor.For(history));

        Assert.Equal("overfitting", note.Rule);
        Assert.Equal("validation loss rose from 0.7 (epoch 3) to 0.9 (epoch 6) while training loss fell from 0.5 to 0.2", note.Saw);
        Assert.Equal("from epoch 4 on the model learns the training samples rather than the task", note.Why);
        Assert.StartsWith("early stopping (patience 3 would have kept epoch 3)", note.Try, StringComparison.Ordinal);
    }

    [Fact]
    public void A_training_loss_that_goes_up_and_down_is_oscillating()
    {
        var history = History(Settings(lr: 0.5), (1.0, 1.0), (0.6, 0.7), (0.9, 0.95), (0.5, 0.6), (0.95, 1.0), (0.55, 0.65));

        var note = Assert.Single(TrainingAdvisor.For(history));

        Assert.Equal("oscillating loss", note.Rule);
        Assert.Equal("the training loss rose in 2 of the last 5 epochs", note.Saw);
        Assert.Equal("a smaller learning rate (0.167) or a decaying schedule", note.Try);
    }

    [Theory]
    [InlineData(2.0, "the learning rate 2 is outside the usual 1e-6 … 1")]
    [InlineData(1e-7, "the learning rate 1e-7 is outside the usual 1e-6 … 1")]
    public void A_learning_rate_outside_the_usual_span_is_noted(double lr, string saw)
    {
        var history = History(Settings(lr: lr), (1.0, 1.0), (0.9, 0.95));

        var note = Assert.Single(TrainingAdvisor.For(history));

        Assert.Equal(saw, note.Saw);
    }

    [Fact]
    public void A_batch_as_large_as_the_training_set_is_noted_and_a_normal_one_is_not()
    {
        var full = TrainingAdvisor.For(History(Settings(batch: 1000), (1.0, 1.0), (0.9, 0.95)));
        var normal = TrainingAdvisor.For(History(Settings(batch: 999), (1.0, 1.0), (0.9, 0.95)));

        Assert.Equal("the batch of 1000 holds every one of the 1000 training samples: one step per epoch", Assert.Single(full).Saw);
        Assert.Empty(normal);
    }

    [Fact]
    public void A_diverged_run_gets_the_exploding_loss_note_with_its_own_message()
    {
        var history = Trainer.Fit(TestData.SmallMlp(inputs: 64, classes: 10), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 2, Optimizer = new Sgd(1e6), Threads = 1 });

        var notes = TrainingAdvisor.For(history);

        Assert.Equal(["learning rate", "exploding loss"], notes.Select(n => n.Rule));
        Assert.Equal(history.StopMessage, notes[1].Saw);
        Assert.Equal("a learning rate ten times smaller (1E+05), gradient clipping, or a warm-up", notes[1].Try);
    }

    [Fact]
    public void A_batch_not_above_the_number_of_classes_is_noted()
    {
        var notes = TrainingAdvisor.For(History(Settings(batch: 10, classes: 10), (1.0, 1.0), (0.9, 0.95)));

        Assert.Equal("the batch of 10 is not above the 10 classes", Assert.Single(notes).Saw);
        Assert.Empty(TrainingAdvisor.For(History(Settings(batch: 11, classes: 10), (1.0, 1.0), (0.9, 0.95))));
    }

    [Fact]
    public void Inputs_that_are_not_normalised_are_noted_and_the_trainer_measures_them()
    {
        var notes = TrainingAdvisor.For(History(Settings(largestInput: 255), (1.0, 1.0), (0.9, 0.95)));
        var raw = new Dataset(new Tensor(Enumerable.Range(0, 40).Select(i => (float)(i % 8 * 30)).ToArray(), 20, 2), new Tensor(20), 3);
        var history = Trainer.Fit(TestData.SmallMlp(), raw, new TrainingOptions { Epochs = 1, Threads = 1 });

        Assert.Equal("the inputs reach 255 in absolute value", Assert.Single(notes).Saw);
        Assert.Equal(210, history.Settings.LargestInput);
        Assert.Contains(TrainingAdvisor.For(history), n => n.Rule == "input scale");
        Assert.Equal(3, history.Settings.ClassCount);
    }
}
