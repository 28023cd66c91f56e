using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

public sealed class RandomSearchTests
{
    private static string[] Run(ulong seed, int parallelism, SearchStrategy strategy, int trials = 24)
    {
        var study = new Study("s", SyntheticObjective.Space(), new StudyOptions { Strategy = strategy, Seed = seed });
        study.Optimize(t => SyntheticObjective.Value(t.Parameters), trials, parallelism);
        return study.Trials.Select(t => $"{t.Number}: {t.Parameters}").ToArray();
    }

    [Fact]
    public void The_same_seed_gives_the_same_trials()
    {
        Assert.Equal(Run(5, 1, new RandomSearch()), Run(5, 1, new RandomSearch()));
        Assert.NotEqual(Run(5, 1, new RandomSearch()), Run(6, 1, new RandomSearch()));
    }

    [Fact]
    public void Trial_parameters_do_not_depend_on_parallelism()
    {
        Assert.Equal(Run(11, 1, new RandomSearch()), Run(11, 2, new RandomSearch()));
        Assert.Equal(Run(11, 1, new RandomSearch()), Run(11, 3, new RandomSearch()));
    }

    [Fact]
    public void Coarse_to_fine_rounds_do_not_depend_on_parallelism_either()
    {
        Assert.Equal(Run(2, 1, new CoarseToFineSearch(8, 3)), Run(2, 3, new CoarseToFineSearch(8, 3)));
    }

    [Fact]
    public void Log_ranges_are_sampled_evenly_per_decade()
    {
        var space = SearchSpace.Create().LogUniform("lr", 1e-4, 1);
        var history = new StudyHistory(space, StudyDirection.Minimize, []);
        var perDecade = new int[4];
        for (var n = 0; n < 4000; n++)
        {
            var lr = new RandomSearch().Suggest(history, n, RandomSource.Derive(1, (ulong)n)).Parameters!.Double("lr");
            perDecade[Math.Min(3, (int)Math.Floor(Math.Log10(lr) + 4))]++;
        }

        Assert.All(perDecade, c => Assert.InRange(c, 900, 1100));
    }
}
