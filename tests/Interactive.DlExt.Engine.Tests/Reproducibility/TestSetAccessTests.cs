namespace Interactive.DlExt.Tests.Reproducibility;

public sealed class TestSetAccessTests
{
    [Fact]
    public void A_held_out_test_part_is_marked_and_each_evaluation_of_it_is_recorded()
    {
        var (train, test) = DataSplit.TrainTest(Datasets.Digits(flatten: true), 0.2, seed: 1);
        var model = new Sequential(new Linear(64, 10));
        Trainer.Fit(model, train, new TrainingOptions { Epochs = 1, Threads = 1 });

        Trainer.Evaluate(model, test, threads: 1);
        var second = Trainer.Evaluate(model, test.WithName("test again"), threads: 1);

        Assert.False(train.IsTest);
        Assert.True(test.IsTest);
        Assert.Equal([TestSetAccess.Evaluated, TestSetAccess.Evaluated], test.TestAccesses.Select(a => a.Purpose));
        Assert.Equal(["digits (test)", "test again"], test.TestAccesses.Select(a => a.DataName));
        Assert.True(test.TestAccesses[0].Sequence < test.TestAccesses[1].Sequence);
        var manifest = RunManifest.ForEvaluation(second, model, test);
        Assert.Equal(2, manifest.TestAccesses.Count);
        Assert.True(manifest.Data[0].IsTest);
    }

    [Fact]
    public void Training_or_validating_on_a_test_set_is_recorded_as_such_in_the_runs_manifest()
    {
        var (train, test) = DataSplit.TrainTest(Datasets.Digits(flatten: true), 0.2, seed: 2);

        var history = Trainer.Fit(new Sequential(new Linear(64, 10)), train, new TrainingOptions { Epochs = 1, Threads = 1, Validation = test.Flatten() });

        Assert.Equal([TestSetAccess.ValidatedOn], history.Manifest!.TestAccesses.Select(a => a.Purpose));
        Assert.Equal([TestSetAccess.ValidatedOn], test.TestAccesses.Select(a => a.Purpose));
    }

    [Fact]
    public void Data_sets_not_marked_as_test_record_nothing()
    {
        var data = Datasets.Digits(flatten: true);
        var model = new Sequential(new Linear(64, 10)).Build([64]);

        Trainer.Evaluate(model, data, threads: 1);

        Assert.False(data.IsTest);
        Assert.Empty(data.TestAccesses);
        Assert.True(data.AsTestSet().IsTest);
    }
}
