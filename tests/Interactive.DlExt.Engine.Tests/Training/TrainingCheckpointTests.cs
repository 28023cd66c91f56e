using Interactive.DlExt.Tests.Data;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

public sealed class TrainingCheckpointTests
{
    private const int Epochs = 6;

    [Fact]
    public void An_adam_run_with_a_cosine_schedule_and_dropout_interrupted_and_resumed_equals_the_uninterrupted_run_bit_for_bit()
    {
        AssertResumeIsExact(() => new Adam(0.01), () => new CosineAnnealing(minLearningRate: 1e-4), every: 2, interruptEpoch: 3);
    }

    [Fact]
    public void A_momentum_sgd_run_with_a_step_schedule_and_dropout_interrupted_and_resumed_equals_the_uninterrupted_run_bit_for_bit()
    {
        AssertResumeIsExact(() => new Momentum(0.05, 0.9, MomentumForm.Classical), () => new StepDecay(2, 0.5), every: 1, interruptEpoch: 4);
    }

    [Fact]
    public void A_run_with_reduce_on_plateau_and_early_stopping_resumes_with_their_state_to_the_same_bits()
    {
        AssertResumeIsExact(() => new Adam(0.05), () => new ReduceOnPlateau(factor: 0.5, patience: 1, minDelta: 0.05), every: 1, interruptEpoch: 3,
            early: () => new EarlyStopping(patience: 3, minDelta: 0.02), epochs: 12, expected: StopReason.EarlyStopped);
    }

    [Fact]
    public void Resuming_a_run_that_stopped_early_trains_no_further_and_ends_as_it_did()
    {
        using var temp = new TempFolder();
        TrainingOptions Make(bool resume)
        {
            var o = Options(temp.Path, new Adam(0.05), new ReduceOnPlateau(factor: 0.5, patience: 1, minDelta: 0.05), epochs: 40, every: 5, resume: resume);
            o.EarlyStopping = new EarlyStopping(patience: 2, minDelta: 0.05);
            return o;
        }

        var model = Model();
        var finished = Trainer.Fit(model, TestData.Blobs(), Make(resume: false));
        var again = Model();
        var resumed = Trainer.Fit(again, TestData.Blobs(), Make(resume: true));

        Assert.Equal(StopReason.EarlyStopped, finished.StopReason);
        Assert.True(finished.Epochs.Count < 40);
        Assert.Equal((finished.StopReason, finished.StopMessage, finished.RestoredBestWeights), (resumed.StopReason, resumed.StopMessage, resumed.RestoredBestWeights));
        Assert.Equal(finished.Steps, resumed.Steps);
        Assert.Equal(Bytes(model), Bytes(again));
    }

    [Theory]
    [InlineData("", 1, "checkpoint")]
    [InlineData("ck", 0, "checkpoint every")]
    public void Checkpoint_options_refuse_an_empty_folder_and_an_interval_below_one(string folder, int every, string parameter)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new CheckpointOptions(folder, every));

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void A_checkpoint_from_another_model_is_refused_naming_the_file_and_the_parameters_that_differ()
    {
        using var temp = new TempFolder();
        Trainer.Fit(Model(hidden: 16), TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 1));

        var other = Model(hidden: 8);
        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(other, TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 2, resume: true)));

        Assert.Contains(Path.Combine(temp.Path, CheckpointOptions.FileName), e.Message);
        Assert.Contains("parameter 0.weight is [16, 2] in the checkpoint but [8, 2] in this run", e.Message);
        Assert.Contains("parameter 3.weight is [3, 16] in the checkpoint but [3, 8] in this run", e.Message);
        Assert.Contains("Nothing was resumed", e.Message);
    }

    [Fact]
    public void A_checkpoint_from_another_optimizer_is_refused_and_the_model_is_left_as_it_was()
    {
        using var temp = new TempFolder();
        Trainer.Fit(Model(), TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 1));
        var model = Model();
        model.Build([2], seed: 9);
        var before = model.Store.Values.ToArray();

        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(model, TestData.Blobs(), Options(temp.Path, new Momentum(0.01), null, epochs: 2, resume: true)));

        Assert.Contains("optimizer is adam in the checkpoint but momentum in this run", e.Message);
        Assert.Equal(before, model.Store.Values);
    }

    [Fact]
    public void A_checkpoint_resumed_on_other_training_data_of_the_same_size_is_refused_naming_the_data()
    {
        using var temp = new TempFolder();
        Trainer.Fit(Model(), TestData.Blobs(seed: 1), Options(temp.Path, new Adam(0.01), null, epochs: 1));

        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(Model(), TestData.Blobs(seed: 2), Options(temp.Path, new Adam(0.01), null, epochs: 2, resume: true)));

        Assert.Matches("training data is sha256 [0-9a-f]{16} in the checkpoint but sha256 [0-9a-f]{16} in this run", e.Message);
        Assert.DoesNotContain("training samples", e.Message);
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_as_unreadable_naming_the_file()
    {
        using var temp = new TempFolder();
        Trainer.Fit(Model(), TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 1));
        var path = Path.Combine(temp.Path, CheckpointOptions.FileName);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<DlExtFileException>(() => Trainer.Fit(Model(), TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 2, resume: true)));

        Assert.Equal(path, e.FilePath);
        Assert.StartsWith("is not a readable training checkpoint", e.Problem);
    }

    [Fact]
    public void A_checkpoint_with_a_changed_byte_is_refused_as_corrupt()
    {
        using var temp = new TempFolder();
        Trainer.Fit(Model(), TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 1));
        var path = Path.Combine(temp.Path, CheckpointOptions.FileName);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40; // inside the last tensor's values
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<DlExtFileException>(() => Trainer.Fit(Model(), TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 2, resume: true)));

        Assert.Equal(path, e.FilePath);
        Assert.StartsWith("is corrupt: its contents do not match the SHA-256", e.Problem);
    }

    [Fact]
    public void Resuming_without_a_checkpoint_in_the_folder_is_refused_with_the_reason()
    {
        using var temp = new TempFolder();

        var e = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(Model(), TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 2, resume: true)));

        Assert.Contains("There is no checkpoint to resume from", e.Message);
        var none = Assert.Throws<DlExtArgumentException>(() => Trainer.Fit(Model(), TestData.Blobs(), new TrainingOptions { Resume = true, Threads = 1 }));
        Assert.Contains("needs the checkpoint folder", none.Message);
    }

    [Fact]
    public void A_checkpoint_write_that_fails_midway_leaves_the_previous_checkpoint_whole_and_no_temporary_file()
    {
        using var temp = new TempFolder();
        var model = Model();
        var optimizer = new Adam(0.01);
        var options = Options(temp.Path, optimizer, null, epochs: 1);
        var history = Trainer.Fit(model, TestData.Blobs(), options);
        var path = options.Checkpoint!.FilePath;
        var before = File.ReadAllBytes(path);
        var snapshot = new TrainingRunSnapshot(model, optimizer, null, new RandomSource(1), null, history, 99, 1.0, null, TimeSpan.Zero,
            TrainingCheckpoint.Fingerprint(model, optimizer, history.Settings, options, TestData.Blobs(), null));

        var e = Assert.Throws<DlExtFileException>(() => TrainingCheckpoint.Save(path, snapshot, s => new FailingStream(s, failAfter: 300)));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("could not be written after epoch 1", e.Problem);
        Assert.Contains("No space left on device (simulated).", e.Problem);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
        var resumed = Trainer.Fit(Model(), TestData.Blobs(), Options(temp.Path, new Adam(0.01), null, epochs: 1, resume: true));
        Assert.Equal(history.Epochs.Select(r => r.TrainLoss), resumed.Epochs.Select(r => r.TrainLoss));
    }

    [Fact]
    public void Checkpoints_are_written_every_n_epochs_and_after_the_last()
    {
        using var temp = new TempFolder();
        var written = new List<int>();
        var options = Options(temp.Path, new Adam(0.01), null, epochs: 5, every: 2);
        var path = options.Checkpoint!.FilePath;
        options.Callbacks.Add(new RecordingCallback
        {
            OnEvent = (e, state) =>
            {
                if (e == TrainingEvent.EpochStarted && File.Exists(path))
                {
                    written.Add(int.Parse(System.Text.Json.JsonDocument.Parse(SafeTensors.LoadMetadata(path)[TrainingCheckpoint.StateKey])
                        .RootElement.GetProperty("epochsDone").GetRawText(), System.Globalization.CultureInfo.InvariantCulture));
                }
            },
        });

        Trainer.Fit(Model(), TestData.Blobs(), options);

        Assert.Equal([2, 2, 4], written); // seen at the start of epochs 3, 4 and 5
        Assert.Equal(5, System.Text.Json.JsonDocument.Parse(SafeTensors.LoadMetadata(path)[TrainingCheckpoint.StateKey]).RootElement.GetProperty("epochsDone").GetInt32());
    }

    private static void AssertResumeIsExact(Func<Optimizer> optimizer, Func<LearningRateSchedule> schedule, int every, int interruptEpoch,
        Func<EarlyStopping>? early = null, int epochs = Epochs, StopReason expected = StopReason.Completed)
    {
        using var whole = new TempFolder();
        var uninterruptedModel = Model();
        var uninterruptedOptions = Options(whole.Path, optimizer(), schedule(), epochs, every: every);
        uninterruptedOptions.EarlyStopping = early?.Invoke();
        var uninterrupted = Trainer.Fit(uninterruptedModel, TestData.Blobs(), uninterruptedOptions);
        Assert.Equal(expected, uninterrupted.StopReason);
        Assert.True(uninterrupted.Epochs.Select(e => e.LearningRate).Distinct().Count() > 1, "the schedule changed the rate during the run");

        using var parts = new TempFolder();
        using var cancel = new CancellationTokenSource();
        var first = Options(parts.Path, optimizer(), schedule(), epochs, every: every);
        first.EarlyStopping = early?.Invoke();
        first.Callbacks.Add(new RecordingCallback
        {
            OnEvent = (e, state) =>
            {
                if (e == TrainingEvent.BatchEnded && state.Epoch == interruptEpoch && state.BatchIndex == 1)
                {
                    cancel.Cancel();
                }
            },
        });
        var interrupted = Trainer.Fit(Model(), TestData.Blobs(), first, cancel.Token);
        Assert.Equal(StopReason.Cancelled, interrupted.StopReason);
        Assert.True(interrupted.Epochs.Count < uninterrupted.Epochs.Count, "the interruption came before the end");

        var resumedModel = Model();
        var second = Options(parts.Path, optimizer(), schedule(), epochs, every: every, resume: true);
        second.EarlyStopping = early?.Invoke();
        var resumed = Trainer.Fit(resumedModel, TestData.Blobs(), second);

        Assert.Equal(uninterrupted.StopReason, resumed.StopReason);
        Assert.Equal(uninterrupted.StopMessage, resumed.StopMessage);
        Assert.Equal(uninterrupted.RestoredBestWeights, resumed.RestoredBestWeights);
        Assert.Equal(uninterrupted.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.LearningRate)),
            resumed.Epochs.Select(e => (e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.LearningRate)));
        Assert.Equal(uninterrupted.Steps, resumed.Steps);
        Assert.Equal(Bytes(uninterruptedModel), Bytes(resumedModel));
        Assert.Equal(TestData.Fingerprint(uninterrupted, uninterruptedModel), TestData.Fingerprint(resumed, resumedModel));
        Assert.True(resumed.Epochs.Count > 2, "the run trained several epochs");
    }

    private static byte[] Bytes(Sequential model) =>
        [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes(model.Store.Values.AsSpan()), .. System.Runtime.InteropServices.MemoryMarshal.AsBytes(model.Store.State.AsSpan())];

    private static Sequential Model(int hidden = 16) =>
        new(new Linear(2, hidden), new ReLU(), new Dropout(0.3), new Linear(hidden, 3));

    private static TrainingOptions Options(string folder, Optimizer optimizer, LearningRateSchedule? schedule, int epochs, int every = 1, bool resume = false) => new()
    {
        Epochs = epochs,
        BatchSize = 16,
        ValidationSplit = 0.2,
        Seed = 7,
        Threads = 1,
        Optimizer = optimizer,
        Schedule = schedule,
        Checkpoint = new CheckpointOptions(folder, every),
        Resume = resume,
    };
}
