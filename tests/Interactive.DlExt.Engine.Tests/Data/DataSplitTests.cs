namespace Interactive.DlExt.Tests.Data;

public sealed class DataSplitTests
{
    /// <summary>100 samples: class 0 ×70, class 1 ×20, class 2 ×10; feature = sample index.</summary>
    private static Dataset Imbalanced()
    {
        var features = new float[100];
        var labels = new float[100];
        for (var i = 0; i < 100; i++)
        {
            features[i] = i;
            labels[i] = i < 70 ? 0 : i < 90 ? 1 : 2;
        }

        return new Dataset(new Tensor(features, 100, 1), new Tensor(labels, 100), 3, name: "toy");
    }

    private static int CountOf(Dataset d, int label) => d.Targets.Data.Count(v => v == label);

    [Fact]
    public void A_two_way_split_has_the_rounded_sizes_and_covers_every_sample_once()
    {
        var (train, validation) = Imbalanced().Split(0.25, seed: 3);
        Assert.Equal(75, train.Count);
        Assert.Equal(25, validation.Count);
        var all = train.Features.Data.Concat(validation.Features.Data).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (float)i), all);
        Assert.Equal("toy (train)", train.Name);
        Assert.Equal("toy (validation)", validation.Name);
    }

    [Fact]
    public void A_stratified_split_keeps_the_class_proportions()
    {
        var (train, validation) = Imbalanced().Split(0.2, seed: 11);
        Assert.Equal([14, 4, 2], new[] { CountOf(validation, 0), CountOf(validation, 1), CountOf(validation, 2) });
        Assert.Equal([56, 16, 8], new[] { CountOf(train, 0), CountOf(train, 1), CountOf(train, 2) });
    }

    [Fact]
    public void Stratified_quotas_use_largest_remainders_and_sum_to_the_part_size()
    {
        // 7 of 10 samples over classes of 5, 3, 2: exact shares 3.5, 2.1, 1.4 → 3, 2, 1 plus one for the largest remainder (class 0).
        Assert.Equal([4, 2, 1], DataSplit.Apportion([5, 3, 2], 7));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var data = Imbalanced();
        var a = data.Split(0.3, seed: 5, stratified: false).Validation.Features.Data;
        var b = data.Split(0.3, seed: 5, stratified: false).Validation.Features.Data;
        var c = data.Split(0.3, seed: 6, stratified: false).Validation.Features.Data;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Each_part_keeps_the_original_sample_order()
    {
        var (train, validation) = Imbalanced().Split(0.3, seed: 9);
        Assert.Equal(train.Features.Data.Order(), train.Features.Data);
        Assert.Equal(validation.Features.Data.Order(), validation.Features.Data);
    }

    [Fact]
    public void A_three_way_split_is_stratified_disjoint_and_complete()
    {
        var (train, validation, test) = Imbalanced().SplitThreeWay(0.2, 0.1, seed: 2);
        Assert.Equal((70, 20, 10), (train.Count, validation.Count, test.Count));
        Assert.Equal([7, 2, 1], new[] { CountOf(test, 0), CountOf(test, 1), CountOf(test, 2) });
        Assert.Equal([14, 4, 2], new[] { CountOf(validation, 0), CountOf(validation, 1), CountOf(validation, 2) });
        var all = train.Features.Data.Concat(validation.Features.Data).Concat(test.Features.Data).Order();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (float)i), all);
    }

    [Fact]
    public void A_regression_data_set_is_split_at_random_even_when_stratified_is_asked()
    {
        var data = new Dataset(new Tensor(Enumerable.Range(0, 10).Select(i => (float)i).ToArray(), 10, 1), new Tensor(10, 1));
        var (train, validation) = data.Split(0.3, seed: 1);
        Assert.Equal((7, 3), (train.Count, validation.Count));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_rejected_with_its_value(double fraction)
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Imbalanced().Split(fraction, seed: 1));
        Assert.Equal("validation split", e.ParamName);
        Assert.Contains("validation split = " + Guard.Text(fraction), e.Message, StringComparison.Ordinal);
        Assert.Contains("(0, 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_that_would_leave_validation_empty_says_so()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Imbalanced().Split(0.001, seed: 1));
        Assert.Contains("rounds to 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_that_would_leave_training_empty_says_so()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Imbalanced().Split(0.999, seed: 1));
        Assert.Contains("at least one sample for training", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_way_fractions_that_leave_nothing_for_training_are_rejected()
    {
        var e = Assert.Throws<DlExtArgumentException>(() => Imbalanced().SplitThreeWay(0.6, 0.4, seed: 1));
        Assert.Contains("below 1", e.Message, StringComparison.Ordinal);
    }
}
