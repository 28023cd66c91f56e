using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebooks;

/// <summary>
/// What a notebook's text promises, checked on the objects its cells leave behind, run in-process (fast to debug). That
/// every cell of every notebook runs in the real kernel, with the committed outputs, is CourseTests' job.
/// </summary>
public sealed class NotebookTests
{
    [Fact]
    public async Task The_quickstart_trains_to_a_good_test_accuracy_and_stores_its_variables()
    {
        var runner = new NotebookRunner();

        await runner.RunAsync(Repository.PathOf("notebooks", "en/01-quickstart.ipynb"));

        Assert.True(runner.TryGetVariable("history", out var history));
        Assert.Equal(20, Assert.IsType<TrainingHistory>(history).Epochs.Count);
        Assert.True(runner.TryGetVariable("result", out var result));
        Assert.True(Assert.IsType<EvaluationResult>(result).Accuracy > 0.93);
        Assert.IsType<double>(runner.Displayed[^1]);
    }

    [Fact]
    public async Task The_learning_rate_notebook_shows_what_its_text_promises()
    {
        var runner = new NotebookRunner();

        await runner.RunAsync(Repository.PathOf("notebooks", "en/02-learning-rate.ipynb"));

        Assert.True(runner.TryGetVariable("bigHistory", out var big));
        var exploded = Assert.IsType<TrainingHistory>(big);
        Assert.Equal(StopReason.Diverged, exploded.StopReason);
        Assert.Matches(@"^diverged: the loss reached \S+ at step \d+ \(epoch 1\), more than 100 × its start \S+, with learning rate 50;", exploded.StopMessage);
        runner.TryGetVariable("slowHistory", out var slow);
        runner.TryGetVariable("goodHistory", out var good);
        Assert.True(((TrainingHistory)good!).Epochs[^1].ValidationLoss < ((TrainingHistory)slow!).Epochs[^1].ValidationLoss);
        Assert.Equal(true, runner.Displayed[^1]); // the annealed rate ends below 0.01
    }

    [Fact]
    public async Task The_search_notebook_evaluates_only_the_chosen_configuration_on_the_test_set()
    {
        var runner = new NotebookRunner();

        await runner.RunAsync(Repository.PathOf("notebooks", "en/08-grid-and-random-search.ipynb"));

        Assert.True(runner.TryGetVariable("grid", out var grid));
        Assert.Equal(9, ((Search.SweepResult)grid!).Trials.Count);
        Assert.True(runner.TryGetVariable("random", out var random));
        Assert.Equal(9, ((Search.SweepResult)random!).Trials.Select(t => t.Parameters.Double("lr")).Distinct().Count());
        Assert.True(runner.TryGetVariable("final", out var final));
        Assert.True(Assert.IsType<EvaluationResult>(final).Accuracy > 0.8);
    }

    [Fact]
    public async Task A_failing_cell_is_reported_with_its_number()
    {
        var runner = new NotebookRunner();
        var path = Path.Combine(Directory.CreateTempSubdirectory("dlext-nb-").FullName, "broken.ipynb");
        File.WriteAllText(path, """
            {"cells":[{"cell_type":"code","metadata":{},"source":["var x = 1;"]},
                      {"cell_type":"code","metadata":{},"source":["#!train nothere --epochs 1"]}],
             "metadata":{},"nbformat":4,"nbformat_minor":5}
            """);

        var e = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => runner.RunAsync(path));

        Assert.Contains("C# cell 2 failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("no C# variable named 'nothere'", e.Message, StringComparison.Ordinal);
    }
}
