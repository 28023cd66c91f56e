namespace Interactive.DlExt;

/// <summary>
/// The worker threads one model computes on. Kernels split work so that every output element is
/// produced by exactly one task in a fixed order, so results never depend on <see cref="Threads"/>.
/// </summary>
public sealed class ComputePool : IDisposable
{
    private readonly ParallelOptions _options;

    /// <summary>Creates a pool of <paramref name="threads"/> workers (1 runs everything on the caller).</summary>
    public ComputePool(int threads)
    {
        Threads = Guard.AtLeast(threads, 1, nameof(threads));
        _options = new ParallelOptions { MaxDegreeOfParallelism = threads };
    }

    /// <summary>A pool that runs everything on the calling thread.</summary>
    public static ComputePool Serial { get; } = new(1);

    /// <summary>The number of threads that work at once.</summary>
    public int Threads { get; }

    /// <summary>Runs <paramref name="body"/> once for each index in [0, <paramref name="count"/>) and waits.</summary>
    public void For(int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Threads == 1 || count <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, _options, body);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
