using System.Text.Json.Nodes;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>
/// A cell's kernel events as Jupyter notebook outputs (nbformat 4), the form a notebook is committed in and GitHub
/// renders: one <c>display_data</c> per display id holding its last update, <c>execute_result</c> for the cell's value,
/// <c>stream</c> for standard output and error, in the order they first appeared.
/// </summary>
public static class NotebookOutputs
{
    /// <summary>The outputs of one code cell, which may have taken several kernel submissions (the package cell).</summary>
    public static JsonArray From(IEnumerable<CellResult> submissions, int executionCount)
    {
        var outputs = new JsonArray();
        var displays = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var e in submissions.SelectMany(s => s.Events))
        {
            switch (e.Type)
            {
                case "DisplayedValueProduced" or "DisplayedValueUpdated" when e.ValueId is { } id:
                    if (displays.TryGetValue(id, out var shown))
                    {
                        shown["data"] = Data(e);
                    }
                    else
                    {
                        displays[id] = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(e), ["metadata"] = new JsonObject() };
                        outputs.Add(displays[id]);
                    }

                    break;
                case "DisplayedValueProduced":
                    outputs.Add(new JsonObject { ["output_type"] = "display_data", ["data"] = Data(e), ["metadata"] = new JsonObject() });
                    break;
                case "ReturnValueProduced":
                    outputs.Add(new JsonObject
                    {
                        ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = Data(e), ["metadata"] = new JsonObject(),
                    });
                    break;
                case "StandardOutputValueProduced" or "StandardErrorValueProduced":
                    var name = e.Type == "StandardOutputValueProduced" ? "stdout" : "stderr";
                    var text = e.FormattedValues.GetValueOrDefault("text/plain") ?? string.Empty;
                    if (outputs.Count > 0 && outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
                    {
                        last["text"] = Lines(string.Concat(last["text"]!.AsArray().Select(l => (string?)l)) + text);
                    }
                    else
                    {
                        outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = Lines(text) });
                    }

                    break;
            }
        }

        return outputs;
    }

    /// <summary>Text as nbformat stores it: a list of lines, each but the last ending in a newline.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static JsonObject Data(KernelEvent e)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in e.FormattedValues.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            data[mime] = Lines(value);
        }

        return data;
    }
}
