namespace Interactive.DlExt;

/// <summary>
/// Cuts a data set into mini-batches. With shuffling, epoch e visits the samples in a permutation drawn
/// from (seed, e) alone, so the batch order is reproducible and independent of anything else.
/// </summary>
public sealed class DataLoader
{
    private Tensor? _features;
    private Tensor? _targets;

    /// <summary>Creates a loader.</summary>
    /// <param name="data">The samples.</param>
    /// <param name="batchSize">Samples per batch (≥ 1).</param>
    /// <param name="shuffle">Whether each epoch visits the samples in a new seeded order.</param>
    /// <param name="dropLast">Whether to skip a last batch smaller than <paramref name="batchSize"/>.</param>
    /// <param name="seed">The seed of the shuffling.</param>
    public DataLoader(Dataset data, int batchSize, bool shuffle = true, bool dropLast = false, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        BatchSize = Guard.AtLeast(batchSize, 1, "batch size");
        Shuffle = shuffle;
        DropLast = dropLast;
        Seed = seed;
        if (BatchesPerEpoch == 0)
        {
            throw new DlExtArgumentException("batch size", Guard.Text(batchSize),
                $"at most {data.Count} (the number of samples in '{data.Name}') when the last incomplete batch is dropped");
        }
    }

    /// <summary>The samples.</summary>
    public Dataset Data { get; }

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether the order is reshuffled each epoch.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a last incomplete batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>The shuffling seed.</summary>
    public ulong Seed { get; }

    /// <summary>Batches in one epoch.</summary>
    public int BatchesPerEpoch => DropLast ? Data.Count / BatchSize : (Data.Count + BatchSize - 1) / BatchSize;

    /// <summary>The order in which epoch <paramref name="epoch"/> visits the samples.</summary>
    public int[] Order(int epoch)
    {
        if (!Shuffle)
        {
            return Enumerable.Range(0, Data.Count).ToArray();
        }

        return RandomSource.Derive(Seed, (ulong)epoch).Permutation(Data.Count);
    }

    /// <summary>The batches of epoch <paramref name="epoch"/> (0-based). Tensors are reused between batches.</summary>
    public IEnumerable<Batch> Batches(int epoch)
    {
        var order = Order(epoch);
        var fl = Data.Features.ItemLength;
        var tl = Data.Targets.ItemLength;
        for (var b = 0; b < BatchesPerEpoch; b++)
        {
            var start = b * BatchSize;
            var count = Math.Min(BatchSize, Data.Count - start);
            var features = Buffer(ref _features, Data.Features, count);
            var targets = Buffer(ref _targets, Data.Targets, count);
            for (var i = 0; i < count; i++)
            {
                var src = order[start + i];
                Array.Copy(Data.Features.Data, src * fl, features.Data, i * fl, fl);
                Array.Copy(Data.Targets.Data, src * tl, targets.Data, i * tl, tl);
            }

            yield return new Batch(features, targets);
        }
    }

    private static Tensor Buffer(ref Tensor? cache, Tensor source, int count)
    {
        if (cache is null || cache.BatchSize != count)
        {
            var shape = source.ShapeArray();
            shape[0] = count;
            cache = new Tensor(shape);
        }

        return cache;
    }
}
