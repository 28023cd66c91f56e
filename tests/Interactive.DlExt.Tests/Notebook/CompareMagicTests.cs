using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class CompareMagicTests
{
    private static Func<Sequential> DigitsMlp => () => new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10));

    [Fact]
    public async Task Compare_trains_one_run_per_batch_size_with_the_same_seed_and_stores_the_comparison()
    {
        var host = new RecordingHost();
        host.Variables["makeModel"] = DigitsMlp;

        await MagicInvoker.InvokeAsync(host,
            "#!compare makeModel --data digits --epochs 2 --optimizer sgd --lr 0.05 --batch-size 32,128 --scale-lr --seed 1 --threads 2 --x steps --out cmp", "#!compare");

        var comparison = Assert.IsType<RunComparison>(Assert.Single(host.Outputs).Last);
        Assert.Same(comparison, host.Variables["cmp"]);
        Assert.Equal(ComparisonAxis.Steps, comparison.Axis);
        Assert.Equal(["batch 32, lr 0.05 (scaled)", "batch 128, lr 0.2 (scaled)"], comparison.Runs.Select(r => r.Label));
        Assert.Equal([51, 13], comparison.Runs.Select(r => r.StepsPerEpoch)); // 1,617 training samples after the 10% split
        Assert.All(comparison.Runs, r => Assert.Equal((1ul, 2, 0.1), (r.Settings.Seed, r.History.Epochs.Count, Math.Round((double)r.Settings.ValidationCount / 1797, 1))));
        Assert.All(comparison.Runs, r => Assert.InRange(r.BestValidationAccuracy!.Value, 0.5, 1));
    }

    [Fact]
    public async Task Compare_updates_its_output_live_with_the_runs_so_far_and_ends_with_all_of_them()
    {
        var host = new RecordingHost();
        host.Variables["makeModel"] = DigitsMlp;

        await MagicInvoker.InvokeAsync(host, "#!compare makeModel --epochs 1 --optimizer sgd --lr 0.01,0.1 --threads 2", "#!compare");

        var values = Assert.Single(host.Outputs).Values;
        Assert.IsType<TrainingStatus>(values[0]);
        Assert.Equal([1, 2], values.OfType<RunComparison>().Select(c => c.Runs.Count).Distinct()); // after the first run ends, then both
        Assert.Equal(["lr 0.01", "lr 0.1"], Assert.IsType<RunComparison>(values[^1]).Runs.Select(r => r.Label));
    }

    [Fact]
    public async Task Compare_shows_history_variables_side_by_side_labelled_by_their_learning_rate()
    {
        var host = new RecordingHost();
        foreach (var (name, lr) in new[] { ("h1", 0.01), ("h2", 0.4) })
        {
            host.Variables[name] = Trainer.Fit(DigitsMlp(), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 1, Optimizer = new Sgd(lr), ValidationSplit = 0.2, Seed = 1, Threads = 2 });
        }

        await MagicInvoker.InvokeAsync(host, "#!compare h1,h2 --x seconds", "#!compare");

        var comparison = Assert.IsType<RunComparison>(host.Outputs[0].Last);
        Assert.Equal(["lr 0.01", "lr 0.4"], comparison.Runs.Select(r => r.Label));
        Assert.Equal(ComparisonAxis.Seconds, comparison.Axis);
    }

    [Fact]
    public async Task Compare_with_two_lists_names_the_second_and_says_only_one_may_be_a_list()
    {
        var host = new RecordingHost();
        host.Variables["makeModel"] = DigitsMlp;

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!compare makeModel --lr 0.01,0.1 --batch-size 32,64", "#!compare"));

        Assert.Equal("--batch-size", e.ParamName);
        Assert.Contains("--lr 0.01,0.1 and --batch-size 32,64", e.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one option given as a list", e.Message, StringComparison.Ordinal);
        Assert.Empty(host.Outputs);
    }

    [Fact]
    public async Task Compare_of_an_unknown_history_variable_says_it_does_not_exist_yet()
    {
        var host = new RecordingHost();
        host.Variables["h1"] = Trainer.Fit(DigitsMlp(), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 1, Threads = 2 });

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!compare h1,h9", "#!compare"));

        Assert.Equal("--runs", e.ParamName);
        Assert.Contains("no C# variable named 'h9' exists yet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_of_a_variable_that_is_not_a_history_names_what_it_holds()
    {
        var host = new RecordingHost();
        host.Variables["h1"] = Trainer.Fit(DigitsMlp(), Datasets.Digits(flatten: true), new TrainingOptions { Epochs = 1, Threads = 2 });
        host.Variables["data"] = Datasets.Digits();

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!compare h1,data", "#!compare"));

        Assert.Equal("--runs", e.ParamName);
        Assert.Contains("a variable holding a TrainingHistory (it holds a Dataset)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_with_a_bogus_x_axis_lists_the_accepted_ones()
    {
        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(new RecordingHost(), "#!compare h1,h2 --x bogus", "#!compare"));

        Assert.Equal("--x", e.ParamName);
        Assert.Contains("epochs, steps, samples, seconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_without_a_list_says_to_give_one_option_as_a_list()
    {
        var host = new RecordingHost();
        host.Variables["makeModel"] = DigitsMlp;

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!compare makeModel --lr 0.1", "#!compare"));

        Assert.Contains("e.g. --batch-size 32,64,128", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scaling_the_learning_rate_while_comparing_learning_rates_is_refused_under_its_option()
    {
        var host = new RecordingHost();
        host.Variables["makeModel"] = DigitsMlp;

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!compare makeModel --lr 0.01,0.1 --scale-lr", "#!compare"));

        Assert.Equal("--scale-lr", e.ParamName);
    }

    [Fact]
    public async Task Compare_of_optimizers_with_a_momentum_gives_it_to_those_that_take_it()
    {
        var host = new RecordingHost();
        host.Variables["makeModel"] = DigitsMlp;

        await MagicInvoker.InvokeAsync(host, "#!compare makeModel --epochs 1 --optimizer sgd,momentum --momentum 0.6 --lr 0.05 --threads 2 --quiet", "#!compare");

        var comparison = Assert.IsType<RunComparison>(host.Outputs[0].Last);
        Assert.Equal(["sgd", "momentum"], comparison.Runs.Select(r => r.Label));
        Assert.Equal(0.6, comparison.Runs[1].Settings.OptimizerSettings!.Momentum);
    }

    [Fact]
    public async Task Compare_of_schedules_takes_them_separated_by_semicolons_each_with_the_warmup()
    {
        var host = new RecordingHost();
        host.Variables["makeModel"] = DigitsMlp;

        await MagicInvoker.InvokeAsync(host, "#!compare makeModel --epochs 1 --optimizer sgd --lr 0.05 --schedule \"step:size=1,gamma=0.5;cosine\" --warmup 5 --threads 2 --quiet", "#!compare");

        var comparison = Assert.IsType<RunComparison>(host.Outputs[0].Last);
        Assert.Equal(["schedule warmup+step", "schedule warmup+cosine"], comparison.Runs.Select(r => r.Label));
        Assert.All(comparison.Runs, r => Assert.Equal(0.01, r.History.Steps[0].LearningRate, 12)); // the first of 5 warm-up steps: 0.05 / 5
        Assert.Equal(0.02, comparison.Runs[0].History.Steps[1].LearningRate, 12);
    }
}
