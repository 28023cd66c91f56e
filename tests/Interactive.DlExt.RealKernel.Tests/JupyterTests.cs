using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

/// <summary>The tutorials through Jupyter's own protocol: the kernel registered with <c>dotnet interactive jupyter
/// install</c>, executed by Debian's <c>jupyter nbconvert --execute</c>, outputs saved. The first notebook only:
/// <see cref="CourseTests"/> runs every notebook in the kernel; this proves the Jupyter path.</summary>
[Collection(RealKernelGroup.Name)]
public sealed class JupyterTests(PackedBuild build)
{
    public static TheoryData<string> Notebooks() => [Tutorials.Names()[0]];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_tutorial_executes_through_jupyter_nbconvert_with_every_cells_outputs_saved(string name)
    {
        var jupyter = Path.Combine(build.Root, "jupyter");
        if (!File.Exists(Path.Combine(jupyter, "kernels", ".net-csharp", "kernel.json")))
        {
            Directory.CreateDirectory(Path.Combine(jupyter, "kernels")); // the installer refuses a folder that does not exist
            var (installed, installLog) = Repository.Run("dotnet", ["interactive", "jupyter", "install", "--path", Path.Combine(jupyter, "kernels")], TimeSpan.FromMinutes(2));
            Assert.True(installed == 0, "dotnet interactive jupyter install failed:\n" + installLog);
        }

        var source = Repository.PathOf("notebooks", name);
        // In the notebook's own folder, as Jupyter runs it; hidden and removed afterwards (and ignored by git).
        var copy = Path.Combine(Path.GetDirectoryName(source)!, $".jupyter-{Guid.NewGuid():N}.ipynb");
        var executed = Path.Combine(build.Root, "executed-" + Path.GetFileName(name));
        build.SaveTutorial(source, copy);
        try
        {
            var (code, log) = RunNbconvert(copy, executed, jupyter, build.PackagesFolder);
            Assert.True(code == 0, $"jupyter nbconvert --execute {name} failed:\n{log}");
        }
        finally
        {
            File.Delete(copy);
        }

        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(executed));
        var codeCells = doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code").ToList();
        var errors = codeCells.SelectMany(c => c.GetProperty("outputs").EnumerateArray()).Where(o => o.GetProperty("output_type").GetString() == "error" || (o.TryGetProperty("name", out var n) && n.GetString() == "stderr")).ToList();
        Assert.Empty(errors.Select(e => e.ToString()));
        var magicCells = codeCells.Where(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())).TrimStart().StartsWith("#!", StringComparison.Ordinal)).ToList();
        Assert.All(magicCells, c => Assert.Contains(c.GetProperty("outputs").EnumerateArray(), o => o.TryGetProperty("data", out var d) && d.TryGetProperty("text/html", out _)));
        KernelOutputs.Log($"jupyter {name}: {codeCells.Count} code cells executed, {codeCells.Sum(c => c.GetProperty("outputs").GetArrayLength())} outputs saved, {magicCells.Count} magic cells with HTML");
        if (KernelOutputs.Folder is { } folder)
        {
            File.Copy(executed, Path.Combine(folder, "jupyter-" + Path.GetFileName(name)), overwrite: true);
        }
    }

    private static (int Code, string Log) RunNbconvert(string notebook, string output, string jupyterPath, string packagesFolder)
    {
        const string Install = "The Jupyter run needs Debian's jupyter-nbconvert and python3-nbclient (`apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel`; .ci/run installs them)";
        try
        {
            return Repository.Run("jupyter", [
                "nbconvert", "--to", "notebook", "--execute", notebook,
                "--output", output,
                "--ExecutePreprocessor.kernel_name=.net-csharp", "--ExecutePreprocessor.timeout=600",
            ], TimeSpan.FromMinutes(10), Path.GetDirectoryName(notebook), new Dictionary<string, string> { ["JUPYTER_PATH"] = jupyterPath, ["NUGET_PACKAGES"] = packagesFolder });
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{Install}: {e.Message}");
            throw;
        }
    }
}
