namespace Interactive.DlExt.Tests.Data;

public sealed class DataLoaderTests
{
    [Fact]
    public void Every_sample_is_visited_once_per_epoch_and_the_last_batch_holds_the_rest()
    {
        var loader = new DataLoader(Numbered(10, 3), batchSize: 4, seed: 5);

        var batches = loader.Batches(0).Select(b => (Ids: Ids(b.Features), Targets: b.Targets.Data.ToArray())).ToList();

        Assert.Equal([4, 4, 2], batches.Select(b => b.Ids.Length));
        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(b => b.Ids).Order());
        Assert.All(batches, b => Assert.Equal(b.Ids.Select(i => (float)(i % 3)), b.Targets));
    }

    [Fact]
    public void The_order_depends_on_the_seed_and_the_epoch_alone()
    {
        var data = Numbered(50, 2);

        Assert.Equal(new DataLoader(data, 8, seed: 1).Order(3), new DataLoader(data, 8, seed: 1).Order(3));
        Assert.NotEqual(new DataLoader(data, 8, seed: 1).Order(3), new DataLoader(data, 8, seed: 1).Order(4));
        Assert.NotEqual(new DataLoader(data, 8, seed: 1).Order(3), new DataLoader(data, 8, seed: 2).Order(3));
        Assert.Equal(Enumerable.Range(0, 50), new DataLoader(data, 8, shuffle: false).Order(7));
    }

    [Fact]
    public void Drop_last_skips_the_incomplete_batch()
    {
        var loader = new DataLoader(Numbered(10, 3), batchSize: 4, dropLast: true);

        Assert.Equal(2, loader.BatchesPerEpoch);
        Assert.All(loader.Batches(0), b => Assert.Equal(4, b.Features.BatchSize));
    }

    [Fact]
    public void Batches_gathered_by_a_pool_equal_those_gathered_by_one_thread()
    {
        // 300 rows of 200 floats: large enough for the gather to be split into tasks.
        var data = Numbered(1000, 7, features: 200);
        var serial = new DataLoader(data, 300, seed: 9).Batches(2).Select(b => (b.Features.Data.ToArray(), b.Targets.Data.ToArray())).ToList();
        using var pool = new ComputePool(3);

        var parallel = new DataLoader(data, 300, seed: 9).Batches(2, pool).Select(b => (b.Features.Data.ToArray(), b.Targets.Data.ToArray())).ToList();

        Assert.Equal(serial.Count, parallel.Count);
        for (var i = 0; i < serial.Count; i++)
        {
            Assert.Equal(serial[i].Item1, parallel[i].Item1);
            Assert.Equal(serial[i].Item2, parallel[i].Item2);
        }
    }

    [Fact]
    public void A_batch_size_below_one_is_rejected_with_the_value()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => new DataLoader(Numbered(10, 2), batchSize: 0));

        Assert.Contains("batch size", error.Message, StringComparison.Ordinal);
        Assert.Contains("0", error.Message, StringComparison.Ordinal);
    }

    // Row i holds i in every feature; its target is i mod classes.
    private static Dataset Numbered(int count, int classes, int features = 2)
    {
        var x = new float[count * features];
        var y = new float[count];
        for (var i = 0; i < count; i++)
        {
            x.AsSpan(i * features, features).Fill(i);
            y[i] = i % classes;
        }

        return new Dataset(new Tensor(x, count, features), new Tensor(y, count), classCount: classes);
    }

    private static int[] Ids(Tensor features) =>
        Enumerable.Range(0, features.BatchSize).Select(i => (int)features.Data[i * features.ItemLength]).ToArray();
}
