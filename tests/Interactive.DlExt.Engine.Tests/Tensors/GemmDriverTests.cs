namespace Interactive.DlExt.Tests.Tensors;

public sealed class GemmDriverTests
{
    [Theory]
    [InlineData(64, 512, 784, 2)]
    [InlineData(256, 784, 512, 2)]
    [InlineData(512, 784, 64, 3)]
    [InlineData(7, 5, 3, 2)]
    [InlineData(64, 10, 256, 1)]
    public void The_remembered_partition_is_the_one_the_search_finds(int m, int n, long depth, int threads)
    {
        var searched = GemmDriver.Partition(m, n, depth, threads);

        Assert.Equal(searched, GemmDriver.CachedPartition(m, n, depth, threads));
        Assert.Equal(searched, GemmDriver.CachedPartition(m, n, depth, threads));
    }

    [Fact]
    public void Small_or_single_threaded_problems_stay_one_task()
    {
        Assert.Equal((1, 1), GemmDriver.CachedPartition(8, 8, 8, 2));
        Assert.Equal((1, 1), GemmDriver.CachedPartition(1024, 1024, 1024, 1));
    }

    [Fact]
    public void A_large_problem_is_cut_into_at_least_as_many_tasks_as_threads()
    {
        var (rows, columns) = GemmDriver.CachedPartition(256, 512, 784, 2);

        Assert.True(rows * columns >= 2, $"{rows}×{columns}");
    }

    [Theory]
    [InlineData(256, 512, 784)]
    [InlineData(512, 784, 256)]
    [InlineData(128, 4096, 64)]
    public void With_enough_rows_for_every_thread_only_rows_are_cut(int m, int n, int k)
    {
        // Column cuts ran up to 1.5× slower than row cuts on a busy host (bench/README.md).
        var (rows, columns) = GemmDriver.Partition(m, n, k, 2);

        Assert.Equal(1, columns);
        Assert.True(rows >= 2, $"{rows}×{columns}");
    }

    [Fact]
    public void A_short_wide_problem_may_still_cut_columns()
    {
        var (rows, columns) = GemmDriver.Partition(12, 2048, 512, 2);

        Assert.True(rows * columns >= 2, $"{rows}×{columns}");
        Assert.True(columns >= 2, $"{rows}×{columns}");
    }
}
