using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Layers;

public sealed class SequentialTests
{
    private static Sequential Model() => new(new Linear(2, 8), new BatchNorm1d(8), new ReLU(), new Linear(8, 3));

    [Fact]
    public void Reinitialize_with_the_build_seed_brings_back_the_built_weights_and_batch_norm_state()
    {
        var model = Model().Build([2], seed: 4);
        var built = model.Store.Snapshot();
        Trainer.Fit(model, TestData.Blobs(perClass: 20), new TrainingOptions { Epochs = 2, Seed = 4, Threads = 1 });
        Assert.NotEqual(built.Values, model.Store.Values);
        Assert.NotEqual(built.State, model.Store.State);

        model.Reinitialize(4);

        Assert.Equal(built.Values, model.Store.Values);
        Assert.Equal(built.State, model.Store.State);
    }

    [Fact]
    public void Reinitialize_with_another_seed_gives_the_weights_of_a_model_built_with_that_seed()
    {
        var model = Model().Build([2], seed: 4);
        var fresh = Model().Build([2], seed: 9);

        model.Reinitialize(9);

        Assert.Equal(fresh.Store.Values, model.Store.Values);
        Assert.Equal(fresh.Store.State, model.Store.State);
        Assert.Equal(9UL, model.Seed);
    }

    [Fact]
    public void Reinitialize_before_the_model_is_built_says_to_build_or_train_it_first()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Model().Reinitialize(1));

        Assert.Contains("not built yet", e.Message, StringComparison.Ordinal);
    }
}
