using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// Cuts a data set into mini-batches. With shuffling, epoch e visits the samples in a permutation drawn
/// from (seed, e) alone, so the batch order is reproducible and independent of anything else.
/// </summary>
public sealed class DataLoader
{
    // Rows per gathering task at most, and the fewest floats worth a parallel loop.
    private const int GatherRows = 32;
    private const int GatherMinimum = 16 * 1024;

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
    public IEnumerable<Batch> Batches(int epoch) => Batches(epoch, ComputePool.Serial);

    /// <summary>The batches of epoch <paramref name="epoch"/> (0-based), each gathered by the threads of
    /// <paramref name="pool"/> (copying scattered rows waits on memory, so two threads take about half the time).
    /// Tensors are reused between batches; the contents do not depend on the pool.</summary>
    public IEnumerable<Batch> Batches(int epoch, ComputePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var order = Order(epoch);
        for (var b = 0; b < BatchesPerEpoch; b++)
        {
            var start = b * BatchSize;
            var count = Math.Min(BatchSize, Data.Count - start);
            var features = Buffer(ref _features, Data.Features, count);
            var targets = Buffer(ref _targets, Data.Targets, count);
            var gather = new GatherTask(Data.Features, Data.Targets, order, start, count, features, targets);
            var tasks = (int)Math.Min((count + GatherRows - 1) / GatherRows, (long)count * Data.Features.ItemLength / GatherMinimum);
            if (tasks <= 1 || pool.Threads == 1)
            {
                gather.Copy(0, count);
            }
            else
            {
                pool.For(tasks, new GatherChunks(gather, tasks));
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

    private readonly struct GatherTask(Tensor sourceFeatures, Tensor sourceTargets, int[] order, int start, int count, Tensor features, Tensor targets)
    {
        public int Count => count;

        /// <summary>Copies batch rows [first, end).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Copy(int first, int end)
        {
            var fl = sourceFeatures.ItemLength;
            var tl = sourceTargets.ItemLength;
            for (var i = first; i < end; i++)
            {
                var src = order[start + i];
                Array.Copy(sourceFeatures.Data, (long)src * fl, features.Data, (long)i * fl, fl);
                Array.Copy(sourceTargets.Data, (long)src * tl, targets.Data, (long)i * tl, tl);
            }
        }
    }

    private readonly struct GatherChunks(GatherTask gather, int tasks) : IComputeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int index) => gather.Copy(
            (int)((long)gather.Count * index / tasks), (int)((long)gather.Count * (index + 1) / tasks));
    }
}
