using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interactive.DlExt.Tests.Support;

/// <summary>
/// The course's notebooks (shared with the real-kernel tests): <c>notebooks/en/NN-topic.ipynb</c>, each with a
/// Simplified Chinese twin of the same file name in <c>notebooks/zh-CN/</c> that carries exactly its code cells.
/// </summary>
internal static class Tutorials
{
    /// <summary>The folder of the English notebooks, the course's reference language.</summary>
    public const string English = "en";

    /// <summary>The folder of the Simplified Chinese twins.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>Every English notebook as a path under notebooks/ ("en/01-quickstart.ipynb"), in course order.</summary>
    public static IReadOnlyList<string> Names() => In(English);

    /// <summary>Every notebook of one language folder, as paths under notebooks/, in course order.</summary>
    public static IReadOnlyList<string> In(string language) =>
        Directory.GetFiles(Repository.PathOf("notebooks", language), "*.ipynb")
            .Select(p => language + "/" + Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The Chinese twin of an English notebook ("en/01-x.ipynb" → "zh-CN/01-x.ipynb").</summary>
    public static string TwinOf(string englishName) => Chinese + "/" + Path.GetFileName(englishName);

    /// <summary>The notebook's C# code cells, in order.</summary>
    public static IReadOnlyList<string> CSharpCells(string notebookPath) =>
        CodeCells(JsonNode.Parse(File.ReadAllText(notebookPath))!).Select(SourceOf).ToList();

    /// <summary>The notebook's C# code cells as JSON (source, outputs, metadata), in order.</summary>
    public static IReadOnlyList<JsonObject> CodeCells(JsonNode notebook) =>
        notebook["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code" && LanguageOf(c) == "csharp").ToList();

    /// <summary>The notebook's Markdown cells' text, in order.</summary>
    public static IReadOnlyList<string> MarkdownCells(JsonNode notebook) =>
        notebook["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "markdown").Select(SourceOf).ToList();

    /// <summary>A cell's source as one string (ipynb stores it as a list of lines or one string).</summary>
    public static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue text => (string?)text ?? string.Empty,
        _ => string.Empty,
    };

    private static string LanguageOf(JsonObject cell) =>
        cell["metadata"]?["dotnet_interactive"]?["language"] is JsonValue language ? (string?)language ?? "csharp" : "csharp";

    /// <summary>Parses a notebook file, failing with its path when it is not JSON.</summary>
    public static JsonNode Load(string notebookPath)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(notebookPath))!;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{notebookPath} is not a notebook: {e.Message}", e);
        }
    }
}
