using Interactive.DlExt.KernelGlue;
using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace Interactive.DlExt.Tests.KernelGlue;

/// <summary>The glue in process, over the served kernel packages (the real-kernel project runs the packed build).</summary>
public sealed class DlExtKernelExtensionTests
{
    private static CompositeKernel LoadedKernel()
    {
        var csharp = new CSharpKernel();
        csharp.AddAssemblyReferences([typeof(Trainer).Assembly.Location, typeof(MagicInvoker).Assembly.Location]); // what #r adds in a notebook
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = "csharp";
        DlExtKernelExtension.Load(kernel);
        return kernel;
    }

    [Fact]
    public void Loading_declares_every_magic_of_the_specs_with_every_option()
    {
        using var kernel = LoadedKernel();

        foreach (var spec in DlExtMagics.All)
        {
            var directive = Assert.Single(kernel.KernelInfo.SupportedDirectives, d => d.Name == spec.Name);
            Assert.Equal(spec.Options.Select(o => o.Name), directive.Parameters.Select(p => p.Name));
        }
    }

    [Fact]
    public async Task A_train_cell_runs_and_stores_its_history_for_the_next_cell()
    {
        using var kernel = LoadedKernel();
        var setup = await kernel.SendAsync(new SubmitCode("using Interactive.DlExt; var model = new Sequential(new Linear(64, 16), new ReLU(), new Linear(16, 10));"));
        Assert.DoesNotContain(setup.Events, e => e is CommandFailed);

        var train = await kernel.SendAsync(new SubmitCode("#!train model --epochs 2 --seed 1 --out history"));
        var next = await kernel.SendAsync(new SubmitCode("history.Epochs.Count"));

        Assert.DoesNotContain(train.Events, e => e is CommandFailed);
        Assert.Contains(train.Events, e => e is DisplayedValueUpdated u && u.Value is TrainingHistory);
        Assert.Equal(2, next.Events.OfType<ReturnValueProduced>().Single().Value);
    }

    [Fact]
    public async Task Bad_input_fails_with_the_librarys_message()
    {
        using var kernel = LoadedKernel();

        var result = await kernel.SendAsync(new SubmitCode("#!train nosuch"));

        var failed = Assert.Single(result.Events.OfType<CommandFailed>());
        Assert.StartsWith("#!train: --model = nosuch: no C# variable named 'nosuch'", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_glue_folder_names_the_kernel_api()
    {
        var library = Repository.PathOf("src", "Interactive.DlExt");
        var glue = Path.Combine(library, "KernelGlue") + Path.DirectorySeparatorChar;

        var offenders = Directory.GetFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(glue, StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("Microsoft.DotNet.Interactive", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offenders);
    }
}
