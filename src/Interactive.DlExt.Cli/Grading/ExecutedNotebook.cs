using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>
/// The notebook dotnet-repl wrote after running every cell (it goes on after a failing cell and exits with 2). A failed
/// cell holds an output of type <c>error</c> whose <c>evalue</c> is the exception with its stack trace, or the compiler's
/// diagnostics (<c>ename</c> is always "Error"). The rubric checks (<c>#!expect</c>) and <c>#!verify</c> outcomes are read
/// from their views' HTML.
/// </summary>
/// <param name="CodeCells">How many code cells it has.</param>
/// <param name="Failures">The cells that failed, in order.</param>
/// <param name="Checks">Every #!expect result shown, in order.</param>
/// <param name="Verifications">Every #!verify outcome shown: "bit-identical" or "differs: …".</param>
internal sealed partial record ExecutedNotebook(int CodeCells, IReadOnlyList<CellFailure> Failures, IReadOnlyList<ExpectationResult> Checks, IReadOnlyList<string> Verifications)
{
    /// <summary>Reads the executed notebook; <paramref name="workFolder"/> is replaced by "." in error messages (the
    /// scratch folder it ran in means nothing to the reader).</summary>
    /// <exception cref="DlExtFileException">The file is not a notebook.</exception>
    public static ExecutedNotebook Read(string path, string workFolder)
    {
        JsonArray cells;
        try
        {
            cells = JsonNode.Parse(File.ReadAllText(path))?["cells"] as JsonArray ?? throw new DlExtFileException(path, "has no \"cells\" list");
        }
        catch (JsonException e)
        {
            throw new DlExtFileException(path, "is not valid JSON: " + e.Message, e);
        }

        var failures = new List<CellFailure>();
        var checks = new List<ExpectationResult>();
        var verifications = new List<string>();
        var codeCells = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || (string?)cell["cell_type"] != "code")
            {
                continue;
            }

            codeCells++;
            foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)output["output_type"] == "error")
                {
                    var message = Text(output["evalue"]) is { Length: > 0 } value ? value : Text(output["ename"]);
                    failures.Add(new CellFailure(i + 1, FirstLine(message.Replace(workFolder + Path.DirectorySeparatorChar, "./", StringComparison.Ordinal)
                        .Replace(workFolder, ".", StringComparison.Ordinal))));
                }
                else if (output["data"]?["text/html"] is { } html)
                {
                    Views(Text(html), checks, verifications);
                }
            }
        }

        return new ExecutedNotebook(codeCells, failures, checks, verifications);
    }

    private static void Views(string html, List<ExpectationResult> checks, List<string> verifications)
    {
        if (html.Contains("class=\"dlext-expect\"", StringComparison.Ordinal))
        {
            checks.AddRange(CheckRow().Matches(html).Select(m => new ExpectationResult(
                WebUtility.HtmlDecode(m.Groups["check"].Value), m.Groups["result"].Value == "pass", WebUtility.HtmlDecode(m.Groups["detail"].Value))));
        }

        if (html.Contains("class=\"dlext-verify\"", StringComparison.Ordinal) && VerifyLine().Match(html) is { Success: true } verify)
        {
            verifications.Add(WebUtility.HtmlDecode(verify.Groups["outcome"].Value));
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValueKind() == JsonValueKind.String ? (string?)l : null)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => (string?)value ?? string.Empty,
        _ => string.Empty,
    };

    private static string FirstLine(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no message)";

    [GeneratedRegex(@"<tr class=""check-(?<result>pass|fail)""><td[^>]*>[^<]*</td><td[^>]*>(?<check>[^<]*)</td><td[^>]*>(?<detail>[^<]*)</td></tr>")]
    private static partial Regex CheckRow();

    [GeneratedRegex(@"[✓✗] (?<outcome>bit-identical|differs: [^<]*)</div>")]
    private static partial Regex VerifyLine();
}
