using System.Text.Json;

namespace Interactive.DlExt.Tests.Support;

/// <summary>The tutorial notebooks of notebooks/ (shared with the real-kernel tests).</summary>
internal static class Tutorials
{
    /// <summary>Every tutorial's file name, in order.</summary>
    public static IReadOnlyList<string> Names() =>
        Directory.GetFiles(Repository.PathOf("notebooks"), "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The notebook's C# code cells, in order.</summary>
    public static IReadOnlyList<string> CSharpCells(string notebookPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(notebookPath));
        var cells = new List<string>();
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            var language = cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("dotnet_interactive", out var di)
                ? di.GetProperty("language").GetString()
                : "csharp";
            if (language == "csharp")
            {
                cells.Add(string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString())));
            }
        }

        return cells;
    }
}
