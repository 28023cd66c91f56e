using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

/// <summary>Every tutorial, cell by cell in order, in a fresh kernel started in the notebook's own folder.</summary>
[Collection(RealKernelGroup.Name)]
public sealed class NotebookTests(PackedBuild build)
{
    public static TheoryData<string> Notebooks() => [.. Tutorials.Names()];

    [Fact]
    public void There_are_tutorials_to_run() => Assert.NotEmpty(Tutorials.Names());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_code_cell_of_the_tutorial_succeeds_in_the_real_kernel(string name)
    {
        var path = Repository.PathOf("notebooks", name);
        var cells = build.TutorialCells(path);
        await using var kernel = await StdioKernel.StartAsync(build, Path.GetDirectoryName(path)!);
        var results = new List<CellResult>();

        foreach (var code in cells)
        {
            var result = await kernel.SubmitAsync(code);
            results.Add(result);
            Assert.True(result.Succeeded && result.Errors.Count == 0, $"{name}, cell {results.Count} of {cells.Count}:\n{result.Describe()}");
            KernelOutputs.Save($"{Path.GetFileNameWithoutExtension(name)}-cell{results.Count:D2}", result);
        }

        KernelOutputs.Log($"{name}: {results.Count}/{cells.Count} cells passed, {results.Sum(r => r.Displays.Count)} displays, " +
            $"{results.Sum(r => r.UpdateCount)} display updates, kernel start {kernel.StartTime.TotalSeconds:F1} s, cells {results.Sum(r => r.Elapsed.TotalSeconds):F1} s " +
            $"(restore {results[1].Elapsed.TotalSeconds:F1} s)");
    }
}
