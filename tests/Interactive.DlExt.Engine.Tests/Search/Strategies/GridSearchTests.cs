using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class GridSearchTests
{
    [Fact]
    public void The_grid_is_exactly_the_cartesian_product()
    {
        var space = SearchSpace.Create().Choice("batch_size", 32, 64).Choice("optimizer", "sgd", "adam", "rmsprop").Uniform("dropout", 0.0, 0.5);
        var points = new GridSearch(pointsPerRange: 3).Points(space);
        Assert.Equal(2 * 3 * 3, points.Count);
        Assert.Equal(points.Count, points.Select(p => p.ToString()).Distinct().Count());
        Assert.Equal("batch_size=32, optimizer=sgd, dropout=0", points[0].ToString());
        Assert.Equal("batch_size=32, optimizer=sgd, dropout=0.25", points[1].ToString());
        Assert.Equal("batch_size=64, optimizer=rmsprop, dropout=0.5", points[^1].ToString());
    }

    [Fact]
    public void Log_ranges_are_log_spaced_and_small_integer_ranges_fully_listed()
    {
        var space = SearchSpace.Create().LogUniform("lr", 1e-4, 1e-1).IntRange("layers", 1, 3).IntRange("units", 16, 256, log: true);
        var grid = new GridSearch(pointsPerRange: 4);
        var points = grid.Points(space);
        var lrs = points.Select(p => p.Double("lr")).Distinct().ToArray();
        Assert.Equal(new[] { 1e-4, 1e-3, 1e-2, 1e-1 }, lrs.Select(x => Math.Round(x, 12)));
        Assert.Equal(new[] { 1, 2, 3 }, points.Select(p => p.Int("layers")).Distinct());
        Assert.Equal(new[] { 16, 40, 102, 256 }, points.Select(p => p.Int("units")).Distinct());
        Assert.Equal(4 * 3 * 4, points.Count);
    }

    [Fact]
    public void Conditional_parameters_multiply_only_under_their_parent_values()
    {
        var points = new GridSearch(pointsPerRange: 2).Points(SearchSpaceTests.Conditional());
        // lr 2 × batch 3 × (sgd + adam + momentum × 2 momentum values) = 2 × 3 × 4
        Assert.Equal(24, points.Count);
        Assert.All(points, p => Assert.Equal(p.String("optimizer") == "momentum", p.Has("momentum")));
    }

    [Fact]
    public void A_study_with_grid_search_stops_when_the_grid_is_exhausted()
    {
        var space = SearchSpace.Create().Choice("a", 1, 2, 3).Choice("b", "x", "y");
        var study = new Study("grid", space, new StudyOptions { Strategy = new GridSearch() });
        var finished = study.Optimize(t => t.Parameters.Int("a"), trials: 100);
        Assert.Equal(6, finished);
        Assert.Equal(6, study.Trials.Select(t => t.Parameters.ToString()).Distinct().Count());
    }
}
