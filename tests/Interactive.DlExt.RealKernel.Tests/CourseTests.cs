using System.Diagnostics;
using System.Text.Json.Nodes;
using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

/// <summary>
/// Every course notebook, cell by cell in order, in a fresh real kernel started in the notebook's folder; its outputs
/// must be the ones committed in the English notebook and in its Chinese twin (which carries the same code cells), bit
/// for bit but for wall-clock times. <c>DLEXT_WRITE_COURSE_OUTPUTS=1</c> writes the re-run's outputs into both files
/// instead (how the committed outputs are produced).
/// </summary>
[Collection(RealKernelGroup.Name)]
public sealed class CourseTests(PackedBuild build)
{
    public static TheoryData<string> Notebooks() => [.. Tutorials.Names()];

    private static bool Writing => Environment.GetEnvironmentVariable("DLEXT_WRITE_COURSE_OUTPUTS") == "1";

    [Fact]
    public void There_are_course_notebooks_to_run() => Assert.NotEmpty(Tutorials.Names());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task The_notebook_runs_in_the_real_kernel_and_reproduces_its_committed_outputs_in_both_languages(string name)
    {
        var english = new CommittedNotebook(Repository.PathOf("notebooks", name));
        var chinese = new CommittedNotebook(Repository.PathOf("notebooks", Tutorials.TwinOf(name)));
        var cells = build.TutorialCells(english.Path);
        var clock = Stopwatch.StartNew();
        await using var kernel = await StdioKernel.StartAsync(build, Path.GetDirectoryName(english.Path)!);

        // The package cell runs as the build's two load cells; the notebook shows what the #r cell showed.
        var outputs = new List<JsonArray>();
        for (var i = 0; i < cells.Count; i++)
        {
            var result = await kernel.SubmitAsync(cells[i]);
            Assert.True(result.Succeeded && result.Errors.Count == 0, $"{name}, cell {i + 1} of {cells.Count}:\n{result.Describe()}");
            if (i >= build.LoadCells.Count - 1)
            {
                outputs.Add(NotebookOutputs.From([result], outputs.Count + 1));
            }
        }

        KernelOutputs.Log($"course {name}: {outputs.Count} code cells in {clock.Elapsed.TotalSeconds:F1} s (kernel start {kernel.StartTime.TotalSeconds:F1} s)");
        if (Writing)
        {
            english.Write(outputs);
            chinese.Write(outputs);
            return;
        }

        var differences = english.DifferencesFrom(outputs).Concat(chinese.DifferencesFrom(outputs)).ToList();
        Assert.True(differences.Count == 0,
            $"The committed outputs of {name} or its twin are not what a re-run produces (re-write them with DLEXT_WRITE_COURSE_OUTPUTS=1):\n"
            + string.Join("\n", differences));
    }
}
