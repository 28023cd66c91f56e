namespace Interactive.DlExt.Tests.Layers;

public sealed class ModelSummaryTests
{
    [Fact]
    public void A_784_128_10_perceptron_has_101770_parameters()
    {
        var model = new Sequential(new Linear(128, Activation.Relu), new Linear(10)).Build([784]);

        var summary = ModelSummary.Of(model);

        // 784·128 + 128 = 100,480 and 128·10 + 10 = 1,290.
        Assert.Equal([100_480L, 1_290L], summary.Rows.Select(r => r.TrainableParameters));
        Assert.Equal(101_770, summary.TrainableParameters);
        Assert.Equal(0, summary.NonTrainableParameters);
        Assert.Equal(101_770 * 4, summary.ParameterBytes);
        Assert.Equal([784], summary.InputShape);
        Assert.Equal([128], summary.Rows[0].OutputShape);
        Assert.Equal("Linear(784 → 128, ReLU)", summary.Rows[0].Description);
    }

    [Fact]
    public void The_table_is_aligned_plain_text()
    {
        var model = new Sequential(new Linear(128, Activation.Relu), new Linear(10) { Name = "logits" }).Build([784]);

        var text = model.Summary().ToString().ReplaceLineEndings("\n");

        Assert.Equal(
            """
            Input: [batch, 784]
            ==========================================================================
            #  Name    Layer                    Output shape  Trainable  Non-trainable
            --------------------------------------------------------------------------
            0  Linear  Linear(784 → 128, ReLU)  [batch, 128]    100,480              0
            1  logits  Linear(128 → 10)         [batch, 10]       1,290              0
            ==========================================================================
            Total parameters: 101,770 (397.5 KiB as float32)
            Trainable: 101,770
            Non-trainable: 0

            """,
            text);
    }

    [Fact]
    public void Batch_norm_running_statistics_count_as_non_trainable()
    {
        var model = new Sequential(
            new Linear(784, 64), new BatchNorm1d(64), new ReLU(), new Dropout(0.2), new Linear(10)).Build([784]);

        var summary = model.Summary();

        Assert.Equal([50_240L, 128, 0, 0, 650], summary.Rows.Select(r => r.TrainableParameters));
        Assert.Equal([0L, 128, 0, 0, 0], summary.Rows.Select(r => r.NonTrainableParameters));
        Assert.Equal(51_018, summary.TrainableParameters);
        Assert.Equal(128, summary.NonTrainableParameters);
        Assert.Equal(51_146, summary.TotalParameters);
        Assert.Equal(model.Store.TrainableCount, summary.TrainableParameters);
        Assert.Equal(model.Store.State.Length, summary.NonTrainableParameters);
        Assert.Contains("Non-trainable: 128", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_models_count_their_children()
    {
        var model = new Sequential(new Flatten(), new Sequential(new Linear(8), new BatchNorm1d(8)), new Linear(2)).Build([1, 2, 2]);

        var summary = model.Summary();

        Assert.Equal([0L, (4 * 8) + 8 + 16, (8 * 2) + 2], summary.Rows.Select(r => r.TrainableParameters));
        Assert.Equal([0L, 16, 0], summary.Rows.Select(r => r.NonTrainableParameters));
        Assert.Equal([4], summary.Rows[0].OutputShape);
    }

    [Fact]
    public void An_unbuilt_model_asks_to_be_built_first()
    {
        var model = new Sequential(new Linear(10));

        var error = Assert.Throws<InvalidOperationException>(() => ModelSummary.Of(model));

        Assert.Contains("model.Build(", error.Message, StringComparison.Ordinal);
    }
}
