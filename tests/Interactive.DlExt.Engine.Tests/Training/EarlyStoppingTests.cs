using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Training;

public sealed class EarlyStoppingTests
{
    [Fact]
    public void Early_stopping_ends_the_run_after_patience_epochs_without_improvement_and_restores_the_best_weights()
    {
        var snapshots = new List<float[]>();
        // Validation labels are the training classes shifted by one, so learning the training data
        // makes the validation loss worse after the first epochs: early stopping must fire.
        var validation = TestData.Blobs(perClass: 20, seed: 2);
        var shifted = new Tensor(validation.Targets.Data.Select(c => (c + 1) % 3).ToArray(), validation.Count);
        var options = new TrainingOptions
        {
            Epochs = 60, BatchSize = 8, Threads = 1, Seed = 2,
            Validation = new Dataset(validation.Features, shifted, 3, name: "shifted"),
            Optimizer = new Sgd(0.05),
            EarlyStopping = new EarlyStopping(patience: 2),
        };
        options.Callbacks.Add(new RecordingCallback
        {
            OnEvent = (e, s) =>
            {
                if (e == TrainingEvent.EpochEnded)
                {
                    snapshots.Add((float[])s.Model.Store.Values.Clone());
                }
            },
        });
        var model = TestData.SmallMlp();

        var history = Trainer.Fit(model, TestData.Blobs(perClass: 20), options);

        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        Assert.True(history.Epochs.Count < 60);
        var best = history.BestEpoch!.Value;
        Assert.Equal(history.Epochs.Count - 1 - 2, best);
        Assert.Contains("did not improve", history.StopMessage, StringComparison.Ordinal);
        Assert.True(history.RestoredBestWeights);
        Assert.Equal(snapshots[best], model.Store.Values);
    }

    [Fact]
    public void Patience_below_one_is_refused()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => new EarlyStopping(patience: 0));

        Assert.Equal("patience = 0 is not accepted: expected an integer ≥ 1.", e.Reason);
    }
}
