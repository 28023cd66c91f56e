namespace Interactive.DlExt.Tests.Core;

public sealed class RandomSourceTests
{
    [Fact]
    public void The_same_seed_gives_the_same_sequence()
    {
        var a = new RandomSource(42);
        var b = new RandomSource(42);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void The_sequence_is_fixed_by_the_library_not_the_runtime()
    {
        // Golden values: if these change, every seeded result users saved changes with them.
        var r = new RandomSource(1);
        Assert.Equal(0xB3F2AF6D0FC710C5UL, r.NextUInt64());
    }

    [Fact]
    public void Uniform_samples_stay_in_range_and_average_one_half()
    {
        var r = new RandomSource(7);
        double sum = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var v = r.NextDouble();
            Assert.InRange(v, 0, 1 - double.Epsilon);
            sum += v;
        }

        Assert.InRange(sum / 10_000, 0.49, 0.51);
    }

    [Fact]
    public void Gaussian_samples_have_unit_variance()
    {
        var r = new RandomSource(3);
        double sum = 0, sq = 0;
        const int n = 20_000;
        for (var i = 0; i < n; i++)
        {
            var v = r.NextGaussian();
            sum += v;
            sq += v * v;
        }

        Assert.InRange(sum / n, -0.03, 0.03);
        Assert.InRange((sq / n) - ((sum / n) * (sum / n)), 0.95, 1.05);
    }

    [Fact]
    public void A_permutation_contains_every_index_once()
    {
        var p = new RandomSource(5).Permutation(1000);
        Assert.Equal(Enumerable.Range(0, 1000), p.Order());
    }

    [Fact]
    public void Derived_streams_differ_by_stream_and_repeat_by_pair()
    {
        Assert.Equal(RandomSource.Derive(9, 1).NextUInt64(), RandomSource.Derive(9, 1).NextUInt64());
        Assert.NotEqual(RandomSource.Derive(9, 1).NextUInt64(), RandomSource.Derive(9, 2).NextUInt64());
    }
}
