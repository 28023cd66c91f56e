using Interactive.DlExt.Notebook;
using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

/// <summary>The magics as a user meets them in one notebook session: live views, completions, hover, bad input, formatters.</summary>
[Collection(RealKernelGroup.Name)]
public sealed class MagicTests(PackedBuild build) : IAsyncLifetime
{
    private StdioKernel _kernel = null!;

    public async Task InitializeAsync() => _kernel = (await LoadedKernel.StartAsync(build)).Kernel;

    public async Task DisposeAsync() => await _kernel.DisposeAsync();

    [Fact]
    public async Task Train_shows_one_display_and_updates_it_in_place_ending_with_the_finished_history()
    {
        var cell = await _kernel.SubmitAsync("#!train model --data train --epochs 30 --seed 1 --out history");

        Assert.True(cell.Succeeded, cell.Describe());
        var display = Assert.Single(cell.Displays);
        Assert.Equal("DisplayedValueProduced", display.First().Type);
        Assert.All(display.Skip(1), e => Assert.Equal("DisplayedValueUpdated", e.Type));
        Assert.True(display.Count() >= 2, "at least the final update");
        var last = display.Last().FormattedValues;
        Assert.Contains("30/30 epochs", last["text/plain"], StringComparison.Ordinal);
        Assert.Contains("dlext-history", last["text/html"], StringComparison.Ordinal);
        Assert.Contains("<svg", last["text/html"], StringComparison.Ordinal);
        var count = await _kernel.SubmitAsync("history.Epochs.Count");
        Assert.Contains("30", count.ReturnText, StringComparison.Ordinal);
        KernelOutputs.Save("train-live", cell);
        KernelOutputs.Log($"#!train 30 epochs: {display.Count()} outputs on one display id ({cell.UpdateCount} updates), {cell.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Train_builds_a_written_model_for_the_data()
    {
        var cell = await _kernel.SubmitAsync("#!train mlp:32,16 --data train --epochs 2 --lr 0.01 --seed 1 --quiet --out written");
        var layers = await _kernel.SubmitAsync("string.Join(\" → \", writtenModel.Layers.Select(l => l.Describe()))");

        Assert.True(cell.Succeeded, cell.Describe());
        Assert.Contains("Linear(64 → 32) → ReLU → Linear(32 → 16) → ReLU → Linear(16 → 10)", layers.ReturnText, StringComparison.Ordinal);
        KernelOutputs.Log($"#!train mlp:32,16: {layers.ReturnText}");
    }

    [Fact]
    public async Task Lr_find_schedules_clipping_and_advice_run_in_the_kernel_and_render_their_views()
    {
        var find = await _kernel.SubmitAsync("#!lr-find makeModel --data train --optimizer sgd --steps 40 --out found");
        var suggested = await _kernel.SubmitAsync("found.SuggestedLearningRate > 0");
        var plans = await _kernel.SubmitAsync("#!schedules \"step:size=5,gamma=0.5;cosine;onecycle:maxmom=0.95,minmom=0.85\" --epochs 20 --steps-per-epoch 10 --lr 0.1");
        var advised = await _kernel.SubmitAsync("#!train makeModel --data train --epochs 2 --lr 5 --optimizer sgd --clip-norm 1 --seed 1 --quiet");

        Assert.True(find.Succeeded, find.Describe());
        Assert.Contains(find.FinalHtml, h => h.Contains("dlext-lrfind", StringComparison.Ordinal) && h.Contains("steepest descent", StringComparison.Ordinal));
        Assert.Contains("True", suggested.ReturnText, StringComparison.Ordinal);
        Assert.True(plans.Succeeded, plans.Describe());
        Assert.Contains(plans.FinalHtml, h => h.Contains("dlext-schedules", StringComparison.Ordinal) && h.Contains("every 5 epochs", StringComparison.Ordinal));
        Assert.True(advised.Succeeded, advised.Describe());
        Assert.Contains(advised.FinalHtml, h => h.Contains("dlext-advice", StringComparison.Ordinal) && h.Contains("learning rate 5 is outside", StringComparison.Ordinal));
        Assert.Contains(advised.FinalHtml, h => h.Contains("Gradient norm", StringComparison.Ordinal) && h.Contains("clip norm 1", StringComparison.Ordinal));
        KernelOutputs.Log($"#!lr-find {find.Elapsed.TotalSeconds:F1} s, #!schedules {plans.Elapsed.TotalSeconds:F1} s, advised #!train {advised.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Descent_draws_the_optimizers_paths_in_the_kernel_and_stores_the_result()
    {
        var lab = await _kernel.SubmitAsync("#!descent elongated --optimizer sgd --lr 0.01,0.21 --steps 40 --out lab");
        var stored = await _kernel.SubmitAsync("lab.Runs[1].Outcome");
        var bad = await _kernel.SubmitAsync("#!descent \"x^^2\"");

        Assert.True(lab.Succeeded, lab.Describe());
        Assert.Contains(lab.FinalHtml, h => h.Contains("dlext-descent", StringComparison.Ordinal) && h.Contains("η = 0.21 (diverged, step", StringComparison.Ordinal));
        Assert.Contains("Diverged", stored.ReturnText, StringComparison.Ordinal);
        Assert.False(bad.Succeeded);
        Assert.Contains("at position 3 ('^')", bad.Describe(), StringComparison.Ordinal);
        KernelOutputs.Log($"#!descent {lab.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Manifest_expect_and_verify_work_in_the_kernel()
    {
        var manifest = Path.Combine(Path.GetTempPath(), $"dlext-kernel-run-{Guid.NewGuid():N}.json");
        var trained = await _kernel.SubmitAsync($"#!train makeModel --data train --epochs 2 --seed 1 --quiet --out graded --manifest {manifest}");
        var expect = await _kernel.SubmitAsync("#!expect graded --loss-decreases --seed 1");
        var verify = await _kernel.SubmitAsync($"#!verify {manifest}");
        File.Delete(manifest);

        Assert.True(trained.Succeeded, trained.Describe());
        Assert.Contains(trained.FinalHtml, h => h.Contains("dlext-manifest", StringComparison.Ordinal));
        Assert.True(expect.Succeeded, expect.Describe());
        Assert.Contains(expect.FinalHtml, h => h.Contains("dlext-expect", StringComparison.Ordinal) && h.Contains("2 of 2 passed", StringComparison.Ordinal));
        Assert.True(verify.Succeeded, verify.Describe());
        Assert.Contains(verify.FinalHtml, h => h.Contains("✓ bit-identical", StringComparison.Ordinal));
        KernelOutputs.Log($"#!train --manifest {trained.Elapsed.TotalSeconds:F1} s, #!expect {expect.Elapsed.TotalSeconds:F1} s, #!verify {verify.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Compare_trains_one_run_per_batch_size_in_the_kernel_and_renders_them_side_by_side()
    {
        var compared = await _kernel.SubmitAsync("#!compare makeModel --data train --epochs 2 --batch-size 16,64 --seed 1 --out cmp");
        var runs = await _kernel.SubmitAsync("cmp.Runs.Count");

        Assert.True(compared.Succeeded, compared.Describe());
        Assert.Contains(compared.FinalHtml, h => h.Contains("dlext-compare", StringComparison.Ordinal)
            && h.Contains("batch 16", StringComparison.Ordinal) && h.Contains("batch 64", StringComparison.Ordinal) && h.Contains("steps/epoch", StringComparison.Ordinal));
        Assert.Contains("2", runs.ReturnText, StringComparison.Ordinal);
        KernelOutputs.Log($"#!compare 2 runs {compared.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Completions_after_train_list_every_option_with_its_description()
    {
        var items = await _kernel.CompletionsAsync("#!train model --");

        var names = items.Select(i => i.Text).ToList();
        Assert.All(DlExtMagics.Train.Options, o => Assert.Contains(o.Name, names));
        Assert.All(items.Where(i => i.Text.StartsWith("--", StringComparison.Ordinal)), i => Assert.False(string.IsNullOrWhiteSpace(i.Documentation), i.Text + " has no description"));
        KernelOutputs.Log($"completions: '#!train model --' {items.Count} items");
    }

    [Theory]
    [InlineData("#!train model --optimizer ")]
    [InlineData("#!sweep makeModel --optimizer ")]
    public async Task Completions_after_optimizer_are_the_optimizer_names(string line)
    {
        var items = await _kernel.CompletionsAsync(line);

        Assert.Equal(DlExtMagics.OptimizerNames.Order(), items.Select(i => i.Text).Order());
    }

    [Fact]
    public async Task Completions_in_the_model_position_offer_the_users_models_and_factories_and_not_other_variables()
    {
        var train = (await _kernel.CompletionsAsync("#!train ")).Select(i => i.Text).ToList();
        var sweep = (await _kernel.CompletionsAsync("#!sweep ")).Select(i => i.Text).ToList();
        var evaluate = (await _kernel.CompletionsAsync("#!evaluate ")).Select(i => i.Text).ToList();

        Assert.Contains("model", train);
        Assert.Contains("makeModel", train);
        Assert.DoesNotContain("notAModel", train);
        Assert.DoesNotContain("train", train);
        Assert.Contains("makeModel", sweep);
        Assert.DoesNotContain("model", sweep);
        Assert.Contains("model", evaluate);
        Assert.DoesNotContain("makeModel", evaluate);
    }

    [Theory]
    [InlineData("#!train model --data ", true)]
    [InlineData("#!sweep makeModel --data ", true)]
    [InlineData("#!evaluate model --data ", false)]
    public async Task Completions_after_data_offer_the_users_datasets_beside_the_built_in_ones(string line, bool builtIns)
    {
        var items = (await _kernel.CompletionsAsync(line)).Select(i => i.Text).ToList();

        Assert.Contains("train", items);
        Assert.Contains("test", items);
        Assert.DoesNotContain("model", items);
        Assert.Equal(builtIns, DlExtMagics.BuiltInData.All(items.Contains));
    }

    [Fact]
    public async Task Hover_on_each_magic_shows_its_description_and_option_table()
    {
        foreach (var magic in DlExtMagics.All)
        {
            var hover = await _kernel.HoverAsync(magic.Name + " ", 3);

            Assert.NotNull(hover);
            Assert.Contains(magic.Description, hover, StringComparison.Ordinal);
            Assert.All(magic.Options, o => Assert.Contains($"*{o.Name}*", hover, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("#!train nosuch --data train", "#!train: --model = nosuch: no C# variable named 'nosuch' exists yet")]
    [InlineData("#!train model --data train --lr -1", "#!train: --lr = -1 is not accepted: expected a number > 0")]
    [InlineData("#!train model --data train --optimizer adamm", "did you mean adam?")]
    [InlineData("#!sweep makeModel --data train --lr 1..0.1:log", "#!sweep: --lr = 1..0.1:log is not accepted: expected a range low..high where low must be < high")]
    [InlineData("#!evaluate model --data nosuch", "#!evaluate: --data = nosuch: no C# variable named 'nosuch'")]
    [InlineData("#!train model --data train --lrr 0.1", "Unrecognized parameter name '--lrr'")]
    [InlineData("#!sweep model --data train --lr 0.1,0.01", "#!sweep: --model = model is not accepted: expected a model factory")]
    [InlineData("#!train model --data train --optimizer rmsprop --momentum 0.9", "#!train: --momentum = 0.9 is not accepted: expected no value for rmsprop (only momentum and nesterov use momentum)")]
    [InlineData("#!train mlp:0 --data train", "#!train: --model = mlp:0 is not accepted: expected mlp:W1,W2,")]
    public async Task Bad_input_fails_the_cell_with_one_clear_line_and_the_next_cell_works(string line, string expected)
    {
        var cell = await _kernel.SubmitAsync(line);
        var next = await _kernel.SubmitAsync("1 + 1");

        Assert.False(cell.Succeeded);
        Assert.Contains(expected, cell.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", string.Join("\n", cell.Errors), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", cell.FailureMessage, StringComparison.Ordinal);
        Assert.True(next.Succeeded, next.Describe());
        Assert.Contains("2", next.ReturnText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model", "dlext-model")]
    [InlineData("new Adam(learningRate: 1e-3)", "dlext-optimizer")]
    [InlineData("new CosineAnnealing()", "dlext-schedule")]
    [InlineData("train", "dlext-dataset")]
    [InlineData("Trainer.Fit(makeModel(), train, new TrainingOptions { Epochs = 2, Seed = 1 })", "dlext-history")]
    [InlineData("Trainer.Evaluate(new Sequential(new Linear(64, 10)).Build([64], seed: 1), test)", "dlext-evaluation")]
    [InlineData("Sweep.Run(new SweepRequest(_ => makeModel(), train, SearchSpaceParser.Parse([new(\"lr\", \"0.01,0.1\")])) { Trials = 2, Epochs = 1 })", "dlext-sweep")]
    public async Task Every_result_type_renders_with_the_packages_formatter(string expression, string htmlClass)
    {
        var cell = await _kernel.SubmitAsync(expression);

        Assert.True(cell.Succeeded, cell.Describe());
        var html = Assert.Single(cell.FinalHtml);
        Assert.Contains($"class=\"{htmlClass}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dni-plaintext", html, StringComparison.Ordinal);
        KernelOutputs.Save("formatter-" + htmlClass, cell);
    }
}
