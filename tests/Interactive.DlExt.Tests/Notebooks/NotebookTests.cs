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
        Assert.True(runner.TryGetVariable("mine", out var mine));
        Assert.True(Assert.IsType<TrainingHistory>(mine).Epochs.Max(e => e.ValidationAccuracy) < 0.9); // the exercise starts failing
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
        runner.TryGetVariable("wobblyHistory", out var wobbly);
        var epochs = ((TrainingHistory)wobbly!).Epochs;
        Assert.Equal([7], Enumerable.Range(1, epochs.Count - 1).Where(i => epochs[i].ValidationLoss > epochs[i - 1].ValidationLoss).Select(i => i + 1)); // "jumps back up at epoch 7"
        Assert.Equal([2, 7], Enumerable.Range(1, epochs.Count - 1).Where(i => epochs[i].ValidationAccuracy < epochs[i - 1].ValidationAccuracy).Select(i => i + 1)); // "drops twice"
        runner.TryGetVariable("finder", out var finder);
        Assert.InRange(((LearningRateFinderResult)finder!).SuggestedLearningRate, 0.1, 1); // between the steady and the oscillating rate
        runner.TryGetVariable("candidates", out var candidates);
        var winner = ((RunComparison)candidates!).Runs.MinBy(r => r.History.Epochs[^1].ValidationLoss)!;
        Assert.Equal(0.1, winner.Settings.LearningRate); // the exercise's answer, not the committed 0.01
    }

    [Fact]
    public async Task The_batch_size_notebook_shows_fewer_steps_and_less_progress_per_epoch_for_larger_batches()
    {
        var runner = new NotebookRunner();

        await runner.RunAsync(Repository.PathOf("notebooks", "en/03-batch-size-and-epochs.ipynb"));

        runner.TryGetVariable("batches", out var batches);
        var runs = ((RunComparison)batches!).Runs;
        Assert.Equal([41, 21, 11, 6], runs.Select(r => r.StepsPerEpoch));
        Assert.True(runs[0].History.Epochs[^1].ValidationLoss < runs[^1].History.Epochs[^1].ValidationLoss);
        runner.TryGetVariable("stopped", out var stopped);
        Assert.Equal(StopReason.EarlyStopped, ((TrainingHistory)stopped!).StopReason);
    }

    [Fact]
    public async Task The_decay_notebook_finds_every_schedule_but_the_exponential_ending_below_the_constant_rate()
    {
        var runner = new NotebookRunner();

        await runner.RunAsync(Repository.PathOf("notebooks", "en/05-learning-rate-decay.ipynb"));

        runner.TryGetVariable("decays", out var decays);
        var runs = ((RunComparison)decays!).Runs;
        var constant = runs[0].History.Epochs[^1].ValidationLoss;
        Assert.Equal(["exponential"], runs.Skip(1).Where(r => r.History.Epochs[^1].ValidationLoss >= constant).Select(r => r.Settings.Schedule.Split(' ', ':')[0]));
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
