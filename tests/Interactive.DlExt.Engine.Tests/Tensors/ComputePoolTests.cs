namespace Interactive.DlExt.Tests.Tensors;

public class ComputePoolTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void For_runs_every_index_exactly_once(int threads)
    {
        using var pool = new ComputePool(threads);
        for (var round = 0; round < 200; round++)
        {
            var count = 1 + (round % 37);
            var hits = new int[count];
            pool.For(count, i => Interlocked.Increment(ref hits[i]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void The_struct_body_overload_runs_every_index_exactly_once()
    {
        using var pool = new ComputePool(3);
        var hits = new int[1000];
        pool.For(hits.Length, new CountingBody(hits));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Workers_wake_after_sleeping()
    {
        using var pool = new ComputePool(2);
        var hits = new int[8];
        pool.For(hits.Length, i => Interlocked.Increment(ref hits[i]));
        Thread.Sleep(50);
        pool.For(hits.Length, i => Interlocked.Increment(ref hits[i]));
        Assert.All(hits, h => Assert.Equal(2, h));
    }

    [Fact]
    public void A_nested_loop_runs_on_its_caller_instead_of_deadlocking()
    {
        using var pool = new ComputePool(2);
        var hits = new int[16];
        pool.For(4, i => pool.For(4, j => Interlocked.Increment(ref hits[(i * 4) + j])));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Several_pools_can_run_at_once()
    {
        var pools = Enumerable.Range(0, 3).Select(_ => new ComputePool(2)).ToArray();
        try
        {
            var totals = new long[pools.Length];
            Parallel.For(0, pools.Length, p =>
            {
                for (var round = 0; round < 100; round++)
                {
                    pools[p].For(10, i => Interlocked.Add(ref totals[p], i));
                }
            });
            Assert.All(totals, t => Assert.Equal(100 * 45, t));
        }
        finally
        {
            foreach (var pool in pools)
            {
                pool.Dispose();
            }
        }
    }

    [Fact]
    public void An_exception_in_a_task_reaches_the_caller()
    {
        using var pool = new ComputePool(2);
        var error = Assert.Throws<InvalidOperationException>(() => pool.For(10, i =>
        {
            if (i == 7)
            {
                throw new InvalidOperationException("task 7");
            }
        }));
        Assert.Equal("task 7", error.Message);
        var hits = new int[10];
        pool.For(10, i => hits[i]++);
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Dispose_stops_the_worker_threads()
    {
        var pool = new ComputePool(4);
        pool.For(8, _ => { });
        Assert.True(pool.WorkersAlive);
        pool.Dispose();
        pool.Dispose();
        Assert.False(pool.WorkersAlive);
    }

    [Fact]
    public void A_thread_count_below_one_is_rejected()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => new ComputePool(0));
        Assert.Contains("threads", error.Message, StringComparison.Ordinal);
    }

    private readonly struct CountingBody(int[] hits) : IComputeBody
    {
        public void Run(int index) => Interlocked.Increment(ref hits[index]);
    }
}
