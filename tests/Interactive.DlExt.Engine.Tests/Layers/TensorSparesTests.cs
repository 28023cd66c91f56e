namespace Interactive.DlExt.Tests.Layers;

public sealed class TensorSparesTests
{
    [Fact]
    public void A_buffer_set_aside_for_a_smaller_batch_comes_back_when_the_batch_size_does()
    {
        var spares = new TensorSpares();
        Tensor? slot = null;

        var full = spares.Fit(ref slot, 4, [3]);
        var last = spares.Fit(ref slot, 2, [3]);
        var again = spares.Fit(ref slot, 4, [3]);
        var lastAgain = spares.Fit(ref slot, 2, [3]);

        Assert.Same(full, again);
        Assert.Same(last, lastAgain);
        Assert.NotSame(full, last);
        Assert.Equal([2, 3], last.Shape);
        Assert.Same(slot, lastAgain);
    }

    [Fact]
    public void The_same_shape_returns_the_slots_own_buffer_and_sets_nothing_aside()
    {
        var spares = new TensorSpares();
        Tensor? slot = null;
        var first = spares.Fit(ref slot, 4, [3]);

        Assert.Same(first, spares.Fit(ref slot, 4, [3]));
        Assert.Same(first, spares.Fit(ref slot, new Tensor(4, 3)));
        Assert.Equal(0, spares.Count);
    }

    [Fact]
    public void Two_slots_of_the_same_shape_never_share_a_buffer()
    {
        var spares = new TensorSpares();
        Tensor? output = null, gradient = null;
        foreach (var batch in new[] { 8, 8, 3, 8, 5, 3, 8, 8, 5 })
        {
            var o = spares.Fit(ref output, batch, [6]);
            var g = spares.Fit(ref gradient, new Tensor(batch, 6));

            Assert.NotSame(o, g);
            Assert.Equal(batch, o.BatchSize);
            Assert.Equal(batch, g.BatchSize);
        }
    }

    [Fact]
    public void At_most_eight_buffers_wait_however_many_batch_sizes_pass()
    {
        var spares = new TensorSpares();
        Tensor? slot = null;
        for (var batch = 1; batch <= 30; batch++)
        {
            spares.Fit(ref slot, batch, [2, 2]);
        }

        Assert.Equal(TensorSpares.Capacity, spares.Count);
    }
}
