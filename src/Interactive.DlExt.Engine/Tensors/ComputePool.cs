using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Interactive.DlExt;

/// <summary>
/// The worker threads one model computes on: a fork-join pool of dedicated threads in which the calling
/// thread works too. Kernels split work so that every output element is produced by exactly one task in a
/// fixed order, so results never depend on <see cref="Threads"/> or on which thread ran which task.
/// </summary>
/// <remarks>
/// Between loops the workers spin for about a millisecond (a training step starts a parallel loop every few
/// hundred microseconds, and waking a sleeping thread costs tens of microseconds), yielding the core to other
/// threads as they spin, then block. The caller never waits for a worker that has not started: it closes the
/// loop to late workers and only waits for those already running a task. Several pools can run at once (one per
/// model in a sweep). A loop started while the pool is busy (a nested or concurrent call) runs on its caller alone.
/// </remarks>
public sealed unsafe class ComputePool : IDisposable
{
    // Worker slot states; each slot sits on its own cache line (stride 16 ints).
    private const int Idle = 0;
    private const int Open = 1;
    private const int Joined = 2;
    private const int Stopping = 3;
    private const int Stride = 16;

    private static readonly long SpinTicks = Stopwatch.Frequency / 1000;

    private readonly Thread[] _workers;
    private readonly ManualResetEventSlim[] _wake;
    private readonly int[] _state;
    private readonly int[] _sleeping;
    private int _busy;
    private int _next;
    private int _count;
    private void* _body;
    private delegate*<void*, int, void> _invoke;
    private Exception? _error;
    private bool _disposed;

    /// <summary>Creates a pool of <paramref name="threads"/> threads, the caller included (1 runs everything on the caller).</summary>
    public ComputePool(int threads)
    {
        Threads = TrainingOptions.CheckThreads(threads);
        var helpers = threads - 1;
        _workers = new Thread[helpers];
        _wake = new ManualResetEventSlim[helpers];
        _state = new int[helpers * Stride];
        _sleeping = new int[helpers * Stride];
        for (var w = 0; w < helpers; w++)
        {
            _wake[w] = new ManualResetEventSlim(false, 0);
            _workers[w] = new Thread(WorkerLoop) { IsBackground = true, Name = $"DlExt compute {w + 1}" };
            _workers[w].Start(w);
        }
    }

    /// <summary>A pool that runs everything on the calling thread.</summary>
    public static ComputePool Serial { get; } = new(1);

    /// <summary>The number of threads that work at once, the caller included.</summary>
    public int Threads { get; }

    /// <summary>Whether any worker thread is still running (false after <see cref="Dispose"/>).</summary>
    internal bool WorkersAlive => _workers.Any(w => w.IsAlive);

    /// <summary>Runs <paramref name="body"/> once for each index in [0, <paramref name="count"/>) and waits.</summary>
    public void For(int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        For(count, new ActionBody(body));
    }

    /// <summary>Runs <paramref name="body"/>.<see cref="IComputeBody.Run"/> once for each index in
    /// [0, <paramref name="count"/>) and waits, without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void For<TBody>(int count, TBody body)
        where TBody : struct, IComputeBody
    {
        if (count <= 0)
        {
            return;
        }

        if (_workers.Length == 0 || count == 1 || _disposed || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (var i = 0; i < count; i++)
            {
                body.Run(i);
            }

            return;
        }

        try
        {
            // The body stays in this frame until every worker that joined has left, so a pointer to it is safe.
            _body = Unsafe.AsPointer(ref body);
            _invoke = &Invoke<TBody>;
            _count = count;
            _error = null;
            Volatile.Write(ref _next, 0);
            var helpers = Math.Min(_workers.Length, count - 1);
            for (var w = 0; w < helpers; w++)
            {
                Interlocked.Exchange(ref _state[w * Stride], Open);
                if (Volatile.Read(ref _sleeping[w * Stride]) != 0)
                {
                    _wake[w].Set();
                }
            }

            Work();
            for (var w = 0; w < helpers; w++)
            {
                if (Interlocked.CompareExchange(ref _state[w * Stride], Idle, Open) == Joined)
                {
                    var spin = default(SpinWait);
                    while (Volatile.Read(ref _state[w * Stride]) == Joined)
                    {
                        spin.SpinOnce(-1);
                    }
                }
            }

            _body = null;
            if (_error is { } error)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Stops the worker threads (a pool must not be used after this).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        for (var w = 0; w < _workers.Length; w++)
        {
            Interlocked.Exchange(ref _state[w * Stride], Stopping);
            _wake[w].Set();
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }

        foreach (var wake in _wake)
        {
            wake.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Invoke<TBody>(void* body, int index)
        where TBody : struct, IComputeBody => Unsafe.AsRef<TBody>(body).Run(index);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Work()
    {
        while (true)
        {
            var i = Interlocked.Increment(ref _next) - 1;
            if (i >= _count)
            {
                return;
            }

            try
            {
                _invoke(_body, i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, e, null);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WorkerLoop(object? id)
    {
        var w = (int)id!;
        ref var state = ref _state[w * Stride];
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var spins = 0;
            int s;
            while ((s = Volatile.Read(ref state)) == Idle)
            {
                if (++spins % 64 == 0)
                {
                    if (Stopwatch.GetTimestamp() - start > SpinTicks)
                    {
                        Sleep(w, ref state);
                        start = Stopwatch.GetTimestamp();
                    }
                    else
                    {
                        // Lets another runnable thread (another model's pool) have the core while we wait.
                        Thread.Yield();
                    }
                }
                else
                {
                    Thread.SpinWait(8);
                }
            }

            if (s == Stopping)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref state, Joined, Open) == Open)
            {
                Work();
                Volatile.Write(ref state, Idle);
            }
        }
    }

    private void Sleep(int w, ref int state)
    {
        Interlocked.Exchange(ref _sleeping[w * Stride], 1);
        if (Volatile.Read(ref state) == Idle)
        {
            _wake[w].Wait();
        }

        _wake[w].Reset();
        Interlocked.Exchange(ref _sleeping[w * Stride], 0);
    }

    private readonly struct ActionBody(Action<int> action) : IComputeBody
    {
        public void Run(int index) => action(index);
    }
}
