using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>A tutorial notebook of notebooks/ and its C# code cells.</summary>
public static class Tutorial
{
    /// <summary>The package reference every tutorial starts with, alone in its cell.</summary>
    public const string PackageCell = "#r \"nuget: Interactive.DlExt\"";

    public static IReadOnlyList<string> All() =>
        Directory.GetFiles(Repository.PathOf("notebooks"), "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> CodeCells(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())))
            .ToList();
    }

    /// <summary>The cells a test runs: the tutorial's own, with its package cell replaced by the lines that load the packed build.</summary>
    public static IReadOnlyList<string> WithBuild(IReadOnlyList<string> cells, PackedBuild build)
    {
        Assert.Equal(PackageCell, cells[0].Trim());
        return [.. build.LoadCells, .. cells.Skip(1)];
    }

    /// <summary>A copy of the notebook whose package cell loads the packed build (for Jupyter), saved at <paramref name="target"/>.</summary>
    public static void SaveWithBuild(string source, string target, PackedBuild build)
    {
        var root = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        var cells = root["cells"]!.AsArray();
        var first = cells.First(c => (string?)c!["cell_type"] == "code")!;
        Assert.Equal(PackageCell, string.Concat(first["source"]!.AsArray().Select(l => (string?)l)).Trim());
        var index = cells.IndexOf(first);
        first["source"] = new JsonArray(build.LoadCells[1]);
        var source0 = first.DeepClone();
        source0["source"] = new JsonArray(build.LoadCells[0]);
        cells.Insert(index, source0);
        File.WriteAllText(target, root.ToJsonString());
    }
}
