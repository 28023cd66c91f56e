using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class LogWarpingTests
{
    private static readonly double[][] Points = [[0.05], [0.2], [0.35], [0.5], [0.65], [0.8], [0.95]];

    [Fact]
    public void Losses_spanning_orders_of_magnitude_are_modelled_by_their_logarithm()
    {
        // e^(12x): from 1.8 to 9·10⁴; its log is a straight line the process fits at once.
        var losses = Array.ConvertAll(Points, p => Math.Exp(12 * p[0]));

        var (_, values) = LogWarping.Fit(Points, losses);

        Assert.NotEqual(losses, values);
        Assert.True(values[^1] - values[0] < 15, $"log range {values[^1] - values[0]}");
    }

    [Fact]
    public void Losses_on_one_scale_are_modelled_as_they_are()
    {
        var losses = Array.ConvertAll(Points, p => Math.Sin(6 * p[0]));

        var (_, values) = LogWarping.Fit(Points, losses);

        Assert.Equal(losses, values);
    }
}
