namespace Interactive.DlExt.Tests.Reproducibility;

public sealed class RunManifestTests
{
    private static (TrainingHistory History, Sequential Model, Dataset Train) Train(double lr = 0.05, Dataset? data = null)
    {
        var train = data ?? Datasets.Digits(flatten: true).Subset([.. Enumerable.Range(0, 300)], "digits (first 300)");
        var model = new Sequential(new Linear(64, 16), new ReLU(), new Linear(16, 10));
        var history = Trainer.Fit(model, train, new TrainingOptions
        {
            Epochs = 2, BatchSize = 32, Seed = 3, Threads = 1, ValidationSplit = 0.2,
            Optimizer = DlExt.Optimizers.Create("momentum", lr), Command = "#!train model --lr 0.05",
        });
        return (history, model, train);
    }

    [Fact]
    public void A_training_run_records_its_settings_data_epochs_metrics_and_weights()
    {
        var (history, model, _) = Train();

        var m = history.Manifest!;

        Assert.Equal(RunManifest.TrainingKind, m.Kind);
        Assert.Equal("#!train model --lr 0.05", m.Command);
        Assert.Equal(1, m.Threads);
        Assert.Equal("3", m.Seeds["training"]);
        Assert.Equal(["train", "validation"], m.Data.Select(d => d.Role));
        Assert.Equal([240, 60], m.Data.Select(d => d.Count));
        Assert.All(m.Data, d => Assert.Matches("^[0-9a-f]{64}$", d.Sha256));
        Assert.Equal("momentum", m.Hyperparameters["optimizer"]);
        Assert.Equal("0.05", m.Hyperparameters["learning rate"]);
        Assert.Equal("32", m.Hyperparameters["batch size"]);
        Assert.Equal(history.Epochs.Select(e => e.TrainLoss), m.Epochs.Select(e => e.TrainLoss));
        Assert.Equal(history.LastEpoch!.ValidationAccuracy!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), m.FinalMetrics["validation accuracy"]);
        Assert.Equal(RunManifest.WeightsHash(model), m.WeightsSha256);
        Assert.Empty(m.TestAccesses);
    }

    [Fact]
    public void The_same_seeded_run_gives_the_same_manifest_and_another_learning_rate_does_not()
    {
        var first = Train().History.Manifest!;
        var again = Train().History.Manifest!;
        var other = Train(lr: 0.06).History.Manifest!;

        Assert.Equal(first.ToJson(), again.ToJson());
        Assert.NotEqual(first.EpochsSha256, other.EpochsSha256);
        Assert.NotEqual(first.WeightsSha256, other.WeightsSha256);
        Assert.Equal(first.Data, other.Data);
    }

    [Fact]
    public void One_changed_value_in_the_data_changes_its_fingerprint()
    {
        var data = Datasets.Digits(flatten: true).Subset([.. Enumerable.Range(0, 50)]);
        var copy = data.Subset([.. Enumerable.Range(0, 50)]);
        copy.Features.Data[123] += 1e-3f;

        Assert.NotEqual(DataFingerprint.Of(data, "train").Sha256, DataFingerprint.Of(copy, "train").Sha256);
        Assert.Equal(DataFingerprint.Of(data, "train").Sha256, DataFingerprint.Of(data.Subset([.. Enumerable.Range(0, 50)]), "train").Sha256);
    }

    [Fact]
    public void A_manifest_survives_saving_and_loading_unchanged()
    {
        var manifest = Train().History.Manifest!;
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.json");
        try
        {
            manifest.Save(path);
            var loaded = RunManifest.Load(path);

            Assert.Equal(manifest.ToJson(), loaded.ToJson());
            Assert.Equal(manifest.EpochsSha256, loaded.EpochsSha256);
            Assert.Contains("\"epochs_sha256\": \"" + manifest.EpochsSha256 + "\"", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{ not json", "not JSON")]
    [InlineData("{\"kind\": \"training\"}", "has no \"format\" number")]
    [InlineData("{\"format\": 99}", "format 99; this build reads format 1")]
    [InlineData("{\"format\": 1, \"kind\": \"training\"}", "is damaged")]
    public void A_file_that_is_not_a_manifest_is_refused_naming_the_file_and_the_problem(string content, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        try
        {
            var e = Assert.Throws<DlExtFileException>(() => RunManifest.Load(path));

            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
