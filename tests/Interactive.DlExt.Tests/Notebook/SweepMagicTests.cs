using System.Globalization;
using Interactive.DlExt.Notebook;
using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Support;
using Interactive.DlExt.Tests.Formatting;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class SweepMagicTests
{
    private static Func<Sequential> Factory(Action? onCall = null) => () =>
    {
        onCall?.Invoke();
        return new Sequential(new Linear(64, 16), new ReLU(), new Linear(16, 10));
    };

    [Fact]
    public async Task A_grid_sweep_runs_every_combination_shows_the_result_and_stores_it()
    {
        var host = new RecordingHost();
        host.Variables["make"] = Factory();

        await MagicInvoker.InvokeAsync(host, "#!sweep make --data digits --lr 0.001,0.01 --batch-size 32,64 --strategy grid --trials 10 --epochs 2 --seed 3 --out sweep", "#!sweep");

        var result = Assert.IsType<SweepResult>(host.Outputs[0].Last);
        Assert.Same(result, host.Variables["sweep"]);
        Assert.Equal(4, result.Count(TrialState.Completed));
        Assert.Equal(
            new[] { "0.001/32", "0.001/64", "0.01/32", "0.01/64" },
            result.Trials.Select(t => $"{t.Parameters.Double("lr")}/{t.Parameters.Int("batch_size")}").Order(StringComparer.Ordinal));
        Assert.NotNull(result.Best);
    }

    [Fact]
    public async Task Manifest_saves_the_sweeps_manifest_with_its_line_and_the_final_view_shows_it_folded()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dlext-sweep-manifest-").FullName, "sweep.json");
        var host = new RecordingHost();
        host.Variables["make"] = Factory();
        var line = $"#!sweep make --lr 0.001,0.01 --strategy grid --trials 2 --epochs 1 --seed 4 --quiet --manifest \"{path}\"";

        await MagicInvoker.InvokeAsync(host, line, "#!sweep");

        var manifest = RunManifest.Load(path);
        Assert.Equal(RunManifest.SweepKind, manifest.Kind);
        Assert.Equal(line, manifest.Command);
        Assert.Equal(2, manifest.Trials.Count);
        Assert.Equal("4", manifest.Seeds["sweep"]);
        var view = SweepFixtures.Parse(Html.Render(host.Outputs[0].Last));
        Assert.Contains("2 completed", view.QuerySelector("details.dlext-manifest")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(host.Outputs, o => o.Last is TrainingStatus s && s.ToString()!.Contains("manifest: " + path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--out grid", "sweep 'grid':")]
    [InlineData("--study-file \"{0}.study.db\" --out grid", "homework':")]
    [InlineData("--study-file \"{0}.db\" --study hw2 --out grid", "hw2':")]
    [InlineData("--strategy grid", "grid sweep:")]
    [InlineData("", "random sweep:")]
    public async Task The_view_is_titled_by_the_study_else_the_out_variable_else_the_strategy(string naming, string title)
    {
        var folder = Directory.CreateTempSubdirectory("dlext-title-").FullName;
        var host = new RecordingHost();
        host.Variables["make"] = Factory();
        var line = "#!sweep make --lr 0.001,0.01 --trials 2 --epochs 1 --quiet " + string.Format(CultureInfo.InvariantCulture, naming, Path.Combine(folder, "homework"));

        await MagicInvoker.InvokeAsync(host, line, "#!sweep");

        var summary = SweepFixtures.Parse(Html.Render(host.Outputs[0].Last)).QuerySelector(".sweep-summary")!.TextContent;
        Assert.Contains(title, summary.Split(',')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("'sweep'", summary, StringComparison.Ordinal);
        Assert.Contains(title, Html.RenderText(host.Outputs[0].Last).Split(',')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_factory_receives_its_own_searched_parameters()
    {
        var host = new RecordingHost();
        var widths = new List<int>();
        host.Variables["make"] = new Func<TrialParameters, Sequential>(p =>
        {
            var hidden = p.Has("hidden") ? p.Int("hidden") : 8;
            widths.Add(hidden);
            return new Sequential(new Linear(64, hidden), new ReLU(), new Linear(hidden, 10));
        });

        await MagicInvoker.InvokeAsync(host, "#!sweep make --params \"hidden=8,24\" --strategy grid --trials 2 --epochs 1 --quiet", "#!sweep");

        Assert.Contains(8, widths);
        Assert.Contains(24, widths);
    }

    [Fact]
    public async Task A_named_study_resumes_instead_of_running_finished_trials_again()
    {
        var folder = Directory.CreateTempSubdirectory("dlext-study-").FullName;
        var study = Path.Combine(folder, "homework");
        var calls = 0;
        var host = new RecordingHost();
        host.Variables["make"] = Factory(() => Interlocked.Increment(ref calls));
        var line = $"#!sweep make --lr 1e-3..1e-1:log --trials 3 --epochs 1 --study-file \"{study}.study.db\" --seed 1 --quiet --out s";

        await MagicInvoker.InvokeAsync(host, line, "#!sweep");
        var first = calls;
        await MagicInvoker.InvokeAsync(host, line, "#!sweep");

        Assert.True(File.Exists(study + ".study.db"));
        Assert.Equal(1 + 3, first); // one probe (to shape built-in data) and three trials
        Assert.Equal(first + 1, calls); // the second run only probes: no trial was trained again
        Assert.Equal(3, ((SweepResult)host.Variables["s"]).Count(TrialState.Completed));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/tmp/elsewhere")]
    [InlineData("sub/dir")]
    public async Task A_study_name_that_is_a_path_is_refused_before_any_file_is_made(string name)
    {
        var host = new RecordingHost();
        host.Variables["make"] = Factory();

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() =>
            MagicInvoker.InvokeAsync(host, $"#!sweep make --lr 0.1,0.01 --trials 1 --epochs 1 --study \"{name}\" --quiet", "#!sweep"));

        Assert.Equal($"--study = \"{name}\" is not accepted: expected {StudyNames.Accepted}.", e.Reason);
        Assert.False(File.Exists(Path.GetFullPath(name + ".study.db")));
    }

    [Fact]
    public void The_study_options_say_where_the_file_goes_and_what_a_name_may_be()
    {
        var study = DlExtMagics.Sweep.Options.Single(o => o.Name == "--study");
        var file = DlExtMagics.Sweep.Options.Single(o => o.Name == "--study-file");

        Assert.Contains("NAME.study.db in the notebook's folder", study.Description, StringComparison.Ordinal);
        Assert.Contains("no '/', '\\' or '..'", study.Description, StringComparison.Ordinal);
        Assert.Contains("any path", file.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_instead_of_a_factory_is_refused_with_the_fix()
    {
        var host = new RecordingHost();
        host.Variables["model"] = Factory()();

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!sweep model --lr 0.1,0.01", "#!sweep"));

        Assert.Contains("every trial trains a fresh model", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_without_anything_to_search_says_how_to_give_a_range()
    {
        var host = new RecordingHost();
        host.Variables["make"] = Factory();

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!sweep make --epochs 1", "#!sweep"));

        Assert.Contains("--lr 1e-4..1e-1:log", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_range_names_the_parameter_and_the_text()
    {
        var host = new RecordingHost();
        host.Variables["make"] = Factory();

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(host, "#!sweep make --lr 0.1..0.01:log", "#!sweep"));

        Assert.StartsWith("--lr = 0.1..0.01:log is not accepted: expected a range low..high where low must be < high", e.Reason, StringComparison.Ordinal);
        Assert.Equal("--lr", e.ParamName); // the option the user typed, not the trial parameter "lr"
    }

    [Fact]
    public async Task A_momentum_range_applies_only_to_trials_whose_optimizer_uses_momentum()
    {
        var host = new RecordingHost();
        host.Variables["make"] = Factory();

        await MagicInvoker.InvokeAsync(host, "#!sweep make --optimizer sgd,momentum --momentum 0.8..0.99 --lr 0.01 --trials 6 --epochs 1 --seed 2 --quiet --out s", "#!sweep");

        var result = (SweepResult)host.Variables["s"];
        Assert.Equal(6, result.Count(TrialState.Completed));
        Assert.All(result.Trials, t => Assert.Equal(t.Parameters.String("optimizer") == "momentum", t.Parameters.Has("momentum")));
    }

    [Fact]
    public async Task Enqueued_trials_run_first_with_exactly_the_given_values()
    {
        var host = new RecordingHost();
        host.Variables["make"] = Factory();

        await MagicInvoker.InvokeAsync(
            host,
            "#!sweep make --lr 1e-3..1e-1:log --batch-size 32,64,128 --optimizer sgd,adam --enqueue \"lr=0.01,batch_size=64,optimizer=adam; learning_rate=0.05, batch-size=32\" --trials 3 --epochs 1 --seed 2 --quiet --out s",
            "#!sweep");

        var trials = ((SweepResult)host.Variables["s"]).Trials;
        Assert.Equal(3, trials.Count);
        Assert.Equal("lr=0.01, batch_size=64, optimizer=adam", trials[0].Parameters.ToString());
        Assert.Equal((0.05, 32), (trials[1].Parameters.Double("lr"), trials[1].Parameters.Int("batch_size"))); // aliases; optimizer filled
        Assert.Contains(trials[1].Parameters.String("optimizer"), new[] { "sgd", "adam" });
    }

    [Theory]
    [InlineData("\"lr=0.5\"", "lr = 0.5 is not accepted: expected a number in 0.001..0.1 (0.001..0.1:log).")]
    [InlineData("\"hidden=32\"", "hidden = 32 is not accepted: expected a parameter of the search space: lr, batch_size.")]
    [InlineData("\"batch_size=48\"", "batch_size = 48 is not accepted: expected one of 32,64.")]
    [InlineData("\"lr\"", "--enqueue = lr is not accepted: expected name=value pairs separated by ',', trials separated by ';', e.g. \"lr=0.01,batch_size=64;lr=0.1\".")]
    [InlineData("\"lr=0.01,lr=0.02\"", "--enqueue = lr=0.01,lr=0.02 is not accepted: expected each parameter once per trial (lr is given twice).")]
    public async Task A_bad_enqueued_trial_is_refused_before_any_trial_runs(string enqueue, string message)
    {
        var calls = 0;
        var host = new RecordingHost();
        host.Variables["make"] = Factory(() => Interlocked.Increment(ref calls));

        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(
            host, $"#!sweep make --lr 1e-3..1e-1:log --batch-size 32,64 --enqueue {enqueue} --trials 2 --epochs 1 --quiet", "#!sweep"));

        Assert.Equal(message, e.Reason);
        Assert.True(calls <= 1); // at most the probe that shapes the data: no trial trained
    }

    [Fact]
    public void The_enqueue_option_is_parsed_into_one_dictionary_per_trial()
    {
        var arguments = MagicParser.Parse(DlExtMagics.Sweep, "#!sweep make --lr 0.01 --enqueue \"lr=0.01,batch_size=64,optimizer=adam;lr=0.1\"");

        var trials = SweepMagic.Enqueued(arguments);

        Assert.Equal(2, trials.Count);
        Assert.Equal(new[] { "lr=0.01", "batch_size=64", "optimizer=adam" }, trials[0].Select(kv => $"{kv.Key}={kv.Value}"));
        Assert.Equal("0.1", trials[1]["lr"]);
        Assert.Empty(SweepMagic.Enqueued(MagicParser.Parse(DlExtMagics.Sweep, "#!sweep make --lr 0.01")));
    }

    [Fact]
    public async Task A_resumed_study_does_not_run_its_enqueued_baseline_again()
    {
        var folder = Directory.CreateTempSubdirectory("dlext-enqueue-").FullName;
        var calls = 0;
        var host = new RecordingHost();
        host.Variables["make"] = Factory(() => Interlocked.Increment(ref calls));
        var line = $"#!sweep make --lr 1e-3..1e-1:log --enqueue \"lr=0.01\" --trials 2 --epochs 1 --study-file \"{Path.Combine(folder, "b")}.study.db\" --seed 1 --quiet --out s";

        await MagicInvoker.InvokeAsync(host, line, "#!sweep");
        Assert.Equal(1 + 2, calls); // the probe and two trials
        await MagicInvoker.InvokeAsync(host, line.Replace("--trials 2", "--trials 3", StringComparison.Ordinal), "#!sweep");

        Assert.Equal(3 + 1 + 1, calls); // the probe and trial 2 only
        var trials = ((SweepResult)host.Variables["s"]).Trials;
        Assert.Single(trials, t => t.Parameters.Double("lr") == 0.01);
        Assert.Equal(0.01, trials[0].Parameters.Double("lr"));
    }

    [Fact]
    public async Task A_digits_sweep_with_hyperband_prunes_some_trials()
    {
        var host = new RecordingHost();
        host.Variables["make"] = Factory();

        await MagicInvoker.InvokeAsync(host, "#!sweep make --data digits --lr 1e-4..1:log --optimizer sgd --trials 12 --epochs 4 --prune hyperband --seed 1 --quiet --out s", "#!sweep");

        var result = (SweepResult)host.Variables["s"];
        Assert.Equal(12, result.Trials.Count);
        Assert.Contains(result.Trials, t => t.State == TrialState.Pruned);
        Assert.Contains(result.Trials, t => t.State == TrialState.Completed);
        Assert.All(result.Trials.Where(t => t.State == TrialState.Pruned), t => Assert.Contains(t.EpochsRun, new[] { 2, 4 }));
    }
}
