using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>A course notebook file with the outputs committed in it: read them, compare a re-run's, or write a re-run's.</summary>
public sealed class CommittedNotebook
{
    // As Jupyter writes notebooks: one-space indents, non-ASCII text (Chinese, η, β) and HTML kept readable.
    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonNode _root;

    public CommittedNotebook(string path)
    {
        Path = path;
        _root = Tutorials.Load(path);
        Cells = Tutorials.CodeCells(_root);
    }

    public string Path { get; }

    /// <summary>The C# code cells in order.</summary>
    public IReadOnlyList<JsonObject> Cells { get; }

    /// <summary>The committed outputs of code cell <paramref name="index"/>.</summary>
    public JsonArray OutputsOf(int index) => Cells[index]["outputs"] as JsonArray ?? [];

    /// <summary>
    /// Where the committed outputs differ from a re-run's (after <see cref="OutputNormalizer"/>): one line per differing
    /// cell with the first differing text in context; empty when they match.
    /// </summary>
    public IReadOnlyList<string> DifferencesFrom(IReadOnlyList<JsonArray> rerun)
    {
        var differences = new List<string>();
        if (rerun.Count != Cells.Count)
        {
            return [$"{Path}: {Cells.Count} code cells committed, the re-run has {rerun.Count}"];
        }

        for (var i = 0; i < Cells.Count; i++)
        {
            var committed = OutputNormalizer.Normalize(OutputsOf(i)).ToJsonString(Format);
            var fresh = OutputNormalizer.Normalize(rerun[i]).ToJsonString(Format);
            if (committed != fresh)
            {
                differences.Add($"{System.IO.Path.GetFileName(Path)}, code cell {i + 1}: {FirstDifference(committed, fresh)}");
            }
        }

        return differences;
    }

    /// <summary>Replaces every code cell's outputs and execution count with a re-run's and saves the file atomically.</summary>
    public void Write(IReadOnlyList<JsonArray> rerun)
    {
        Assert.Equal(Cells.Count, rerun.Count);
        for (var i = 0; i < Cells.Count; i++)
        {
            Cells[i]["outputs"] = OutputNormalizer.ForCommit(rerun[i]);
            Cells[i]["execution_count"] = i + 1;
        }

        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, _root.ToJsonString(Format) + "\n");
        File.Move(temporary, Path, overwrite: true);
    }

    private static string FirstDifference(string committed, string fresh)
    {
        var at = 0;
        while (at < committed.Length && at < fresh.Length && committed[at] == fresh[at])
        {
            at++;
        }

        string Around(string text) => text.Substring(Math.Max(0, at - 120), Math.Min(text.Length, at + 200) - Math.Max(0, at - 120)).ReplaceLineEndings(" ");
        return $"at character {at}\n  committed: …{Around(committed)}…\n  re-run:    …{Around(fresh)}…";
    }
}
