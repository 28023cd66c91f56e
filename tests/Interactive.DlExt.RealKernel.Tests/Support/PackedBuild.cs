using System.Text.Json.Nodes;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>
/// The current build packed once per test run, as a user's local build is: every package a notebook needs
/// (the notebook package, the engine, the XPlot adapter) in one folder, under a version no earlier run used,
/// restored into a packages folder no earlier run filled. So neither NuGet's folder nor the kernel's
/// restore cache can hand a test a stale copy of a same-version package.
/// </summary>
public sealed class PackedBuild : IDisposable
{
    public PackedBuild()
    {
        Root = Path.Combine(Path.GetTempPath(), "dlext-kernel-" + Guid.NewGuid().ToString("N")[..12]);
        PackagesSource = Path.Combine(Root, "packages");
        PackagesFolder = Path.Combine(Root, "nuget");
        Version = "0.1.0-test." + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        Directory.CreateDirectory(PackagesFolder);

        var (restore, restoreLog) = Repository.Run("dotnet", ["tool", "restore"], TimeSpan.FromMinutes(5));
        Assert.True(restore == 0, "The real-kernel tests need the notebook kernel from .config/dotnet-tools.json " +
            "(Microsoft.dotnet-interactive 1.0.712001); `dotnet tool restore` failed:\n" + restoreLog);

        var started = DateTime.UtcNow;
        foreach (var project in new[] { "src/Interactive.DlExt.Engine", "src/Interactive.DlExt", "src/Interactive.DlExt.XPlot" })
        {
            var (code, log) = Repository.Run("dotnet", ["pack", project, "-c", Repository.Configuration, "-o", PackagesSource, "-p:PackageVersion=" + Version], TimeSpan.FromMinutes(5));
            Assert.True(code == 0, $"dotnet pack {project} failed:\n{log}");
        }

        PackSeconds = (DateTime.UtcNow - started).TotalSeconds;
    }

    /// <summary>The package reference every tutorial starts with, alone in its cell.</summary>
    public const string TutorialPackageCell = "#r \"nuget: Interactive.DlExt\"";

    /// <summary>The run's own folder (removed at the end).</summary>
    public string Root { get; }

    /// <summary>The folder the packages were packed into: the notebook's <c>#i</c> source.</summary>
    public string PackagesSource { get; }

    /// <summary>The fresh NuGet packages folder the kernels restore into.</summary>
    public string PackagesFolder { get; }

    /// <summary>The version every package of this run has.</summary>
    public string Version { get; }

    /// <summary>How long packing took.</summary>
    public double PackSeconds { get; }

    /// <summary>The two cells that load this build in a notebook (a magic cannot share the cell of its #r).</summary>
    public IReadOnlyList<string> LoadCells => [$"#i \"nuget: {PackagesSource}\"", $"#r \"nuget: Interactive.DlExt, {Version}\""];

    /// <summary>A tutorial's C# cells as a test runs them: its package cell (<see cref="TutorialPackageCell"/>) replaced by
    /// <see cref="LoadCells"/>.</summary>
    public IReadOnlyList<string> TutorialCells(string notebookPath)
    {
        var cells = Tutorials.CSharpCells(notebookPath);
        Assert.Equal(TutorialPackageCell, cells[0].Trim());
        return [.. LoadCells, .. cells.Skip(1)];
    }

    /// <summary>Saves at <paramref name="target"/> a copy of the tutorial whose package cell is replaced by <see cref="LoadCells"/> (for Jupyter).</summary>
    public void SaveTutorial(string source, string target)
    {
        var root = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        var cells = root["cells"]!.AsArray();
        var package = cells.First(c => (string?)c!["cell_type"] == "code")!;
        Assert.Equal(TutorialPackageCell, string.Concat(package["source"]!.AsArray().Select(l => (string?)l)).Trim());
        var sourceCell = package.DeepClone();
        sourceCell["source"] = new JsonArray(LoadCells[0]);
        package["source"] = new JsonArray(LoadCells[1]);
        cells.Insert(cells.IndexOf(package), sourceCell);
        File.WriteAllText(target, root.ToJsonString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A kernel still holding a file: the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Every real-kernel test shares one packed build and runs alone (each starts kernels of its own).</summary>
[CollectionDefinition(Name)]
public sealed class RealKernelGroup : ICollectionFixture<PackedBuild>
{
    public const string Name = "real kernel";
}
