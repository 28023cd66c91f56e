using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>
/// A submitted notebook, read before it is run: a Jupyter notebook (.ipynb, JSON with a list of cells) or a Polyglot
/// notebook (.dib, cells after <c>#!csharp</c>, <c>#!markdown</c>… lines). Reading checks that it parses; writing a
/// copy can point its <c>#r "nuget: Interactive.DlExt"</c> line at a local feed (<see cref="PackageSource"/>).
/// </summary>
internal sealed partial class NotebookFile
{
    private readonly JsonObject? _json;
    private readonly string? _text;

    private NotebookFile(string path, IReadOnlyList<NotebookCell> cells, JsonObject? json, string? text)
    {
        Path = path;
        Cells = cells;
        _json = json;
        _text = text;
    }

    /// <summary>Where it was read from.</summary>
    public string Path { get; }

    /// <summary>Every cell, in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>Reads and checks a notebook.</summary>
    /// <exception cref="DlExtFileException">It cannot be read or does not parse as a notebook; the message says why.</exception>
    public static NotebookFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DlExtFileException(path, "cannot be read: " + e.Message, e);
        }

        return System.IO.Path.GetExtension(path).Equals(".dib", StringComparison.OrdinalIgnoreCase)
            ? new NotebookFile(path, DibCells(text), null, text)
            : ReadJupyter(path, text);
    }

    /// <summary>Writes a copy to <paramref name="target"/>, with every <c>#r "nuget: Interactive.DlExt…"</c> line replaced
    /// by the feed's <c>#i</c> line and the pinned <c>#r</c> line (in the same cell, so that cell numbers stay the
    /// student's) when <paramref name="source"/> is given. Returns how many lines were replaced.</summary>
    public int SaveCopy(string target, PackageSource? source)
    {
        var replaced = 0;
        string Rewrite(string cell) => source is null ? cell : PackageLine().Replace(cell, _ =>
        {
            replaced++;
            return string.Join('\n', source.LoadLines);
        });

        string content;
        if (_json is not null)
        {
            var copy = _json.DeepClone().AsObject();
            foreach (var cell in copy["cells"]!.AsArray().OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code"))
            {
                var rewritten = Rewrite(SourceOf(cell));
                cell["source"] = new JsonArray([.. Lines(rewritten).Select(l => (JsonNode)JsonValue.Create(l))]);
            }

            content = copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }
        else
        {
            content = Rewrite(_text!);
        }

        AtomicFile.Write(target, stream => stream.Write(Encoding.UTF8.GetBytes(content)));
        return replaced;
    }

    private static NotebookFile ReadJupyter(string path, string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            // The reader counts lines and columns from 0; an editor from 1.
            var reason = e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim();
            throw new DlExtFileException(path, FormattableString.Invariant($"is not valid JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {reason}"), e);
        }

        if (root is not JsonObject notebook || notebook["cells"] is not JsonArray cells)
        {
            throw new DlExtFileException(path, "is JSON but not a Jupyter notebook: it has no \"cells\" list");
        }

        var list = new List<NotebookCell>();
        foreach (var node in cells)
        {
            if (node is not JsonObject cell || cell["cell_type"]?.GetValueKind() != JsonValueKind.String ||
                cell["source"] is not (JsonArray or JsonValue))
            {
                throw new DlExtFileException(path, $"is not a Jupyter notebook: cell {list.Count + 1} has no \"cell_type\" or \"source\"");
            }

            list.Add(new NotebookCell(list.Count + 1, (string?)cell["cell_type"] == "code", SourceOf(cell)));
        }

        return new NotebookFile(path, list, notebook, null);
    }

    private static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValueKind() == JsonValueKind.String ? (string?)l : null)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => (string?)value ?? string.Empty,
        _ => string.Empty,
    };

    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static List<NotebookCell> DibCells(string text)
    {
        var cells = new List<NotebookCell>();
        string? kernel = null;
        var body = new StringBuilder();
        void Close()
        {
            if (kernel is not null and not "meta")
            {
                cells.Add(new NotebookCell(cells.Count + 1, kernel is not ("markdown" or "md"), body.ToString().Trim('\n')));
            }

            body.Clear();
        }

        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var header = DibHeader().Match(line);
            if (header.Success)
            {
                Close();
                kernel = header.Groups["kernel"].Value;
                continue;
            }

            body.Append(line).Append('\n');
        }

        Close();
        return cells;
    }

    [GeneratedRegex(@"^[ \t]*#r[ \t]+""nuget:[ \t]*Interactive\.DlExt[ \t]*(,[^""\n]*)?""[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^#!(?<kernel>csharp|c#|fsharp|f#|pwsh|powershell|javascript|js|html|sql|kql|mermaid|http|value|markdown|md|meta)\s*$")]
    private static partial Regex DibHeader();
}
