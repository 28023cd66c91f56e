using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>
/// What a re-run of a notebook may change in its outputs, and only that: wall-clock times (durations such as
/// "12 ms" or "1.3 s", samples/s, and every element the views mark with the class <c>dlext-clock</c>, e.g. a chart
/// against seconds), the machine and build a manifest names (elements of class <c>dlext-machine</c>: package version
/// and commit, runtime, OS, SIMD path) and the per-run suffix of the test build's package version. Every other character, every
/// number of every chart and table included, must match the committed outputs bit for bit.
/// </summary>
public static partial class OutputNormalizer
{
    /// <summary>The class the library's views put on wall-clock content (HtmlParts.ClockClass).</summary>
    public const string ClockClass = "dlext-clock";

    /// <summary>What stands in for a masked wall-clock value.</summary>
    public const char Clock = '⏱';

    /// <summary>The test build's package version as a user's install shows it: "0.1.0-test.20261203093000.123" → "0.1.0".</summary>
    /// <remarks>The build's packages folder (a temp folder per test run) reads as NuGet's default, <c>~/.nuget/packages/</c>,
    /// and the restore source the test adds with <c>#i</c> (a user's <c>#r</c> alone lists none) is left out.</remarks>
    public static string WithoutTestVersion(string text) =>
        TestRestoreSource().Replace(TestPackagesFolder().Replace(TestVersion().Replace(text, "$1"), "~/.nuget/packages/"), string.Empty);

    /// <summary>The text with wall-clock values masked and the test version suffix removed.</summary>
    public static string Normalize(string text)
    {
        text = WithoutTestVersion(text);
        text = MaskClockElements(text);
        text = SamplesPerSecond().Replace(text, Clock + " samples/s");
        // Right-aligned columns pad a duration to its width: the padding goes with it.
        return Duration().Replace(text, m => (m.Value.StartsWith(' ') ? " " : string.Empty) + Clock);
    }

    /// <summary>A copy of a cell's outputs with every data and stream text normalized.</summary>
    public static JsonArray Normalize(JsonArray outputs)
    {
        var copy = outputs.DeepClone().AsArray();
        foreach (var output in copy.OfType<JsonObject>())
        {
            output.Remove("execution_count");
            if (output["data"] is JsonObject data)
            {
                foreach (var mime in data.Select(d => d.Key).ToList())
                {
                    data[mime] = NotebookOutputs.Lines(Normalize(Join(data[mime])));
                }
            }

            if (output["text"] is JsonNode text)
            {
                output["text"] = NotebookOutputs.Lines(Normalize(Join(text)));
            }
        }

        return copy;
    }

    /// <summary>Applies <see cref="WithoutTestVersion"/> to every text of the outputs (what a committed notebook shows).</summary>
    public static JsonArray ForCommit(JsonArray outputs)
    {
        var copy = outputs.DeepClone().AsArray();
        foreach (var output in copy.OfType<JsonObject>())
        {
            if (output["data"] is JsonObject data)
            {
                foreach (var mime in data.Select(d => d.Key).ToList())
                {
                    data[mime] = NotebookOutputs.Lines(WithoutTestVersion(Join(data[mime])));
                }
            }
        }

        return copy;
    }

    private static string Join(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? string.Empty,
        _ => string.Empty,
    };

    // Every element whose class list has dlext-clock: its whole content (nested elements of the same tag included).
    private static string MaskClockElements(string html)
    {
        var result = new StringBuilder(html.Length);
        var position = 0;
        foreach (Match open in ClockElement().Matches(html))
        {
            if (open.Index < position)
            {
                continue; // inside an element already masked
            }

            var tag = open.Groups["tag"].Value;
            var end = MatchingClose(html, tag, open.Index + open.Length);
            result.Append(html, position, open.Index + open.Length - position).Append(Clock);
            position = end;
        }

        return result.Append(html, position, html.Length - position).ToString();
    }

    private static int MatchingClose(string html, string tag, int from)
    {
        var depth = 1;
        var opener = "<" + tag;
        var closer = "</" + tag + ">";
        var i = from;
        while (i < html.Length)
        {
            var nextOpen = html.IndexOf(opener, i, StringComparison.Ordinal);
            var nextClose = html.IndexOf(closer, i, StringComparison.Ordinal);
            if (nextClose < 0)
            {
                return html.Length;
            }

            if (nextOpen >= 0 && nextOpen < nextClose && nextOpen + opener.Length < html.Length && html[nextOpen + opener.Length] is ' ' or '>')
            {
                depth++;
                i = nextOpen + opener.Length;
                continue;
            }

            if (--depth == 0)
            {
                return nextClose;
            }

            i = nextClose + closer.Length;
        }

        return html.Length;
    }

    [GeneratedRegex(@"(\d+\.\d+\.\d+)-test\.\d+\.\d+")]
    private static partial Regex TestVersion();

    [GeneratedRegex(@"<div><strong>Restore sources</strong><ul>.*?</ul></div>")]
    private static partial Regex TestRestoreSource();

    [GeneratedRegex(@"/tmp/dlext-kernel-[0-9a-f]+/nuget/")]
    private static partial Regex TestPackagesFolder();

    [GeneratedRegex("<(?<tag>[a-z]+)\\b[^>]*\\bclass=\"[^\"]*\\bdlext-(?:clock|machine)\\b[^\"]*\"[^>]*>")]
    private static partial Regex ClockElement();

    [GeneratedRegex(@"[\d,]+ samples/s")]
    private static partial Regex SamplesPerSecond();

    // HtmlParts.Duration's forms: "830 ms", "1.3 s", "2.5 min", "1.0 h".
    [GeneratedRegex(@"(?<![\w.]) *\d[\d,]*(?:\.\d+)? (?:ms|s|min|h)(?![\w²-])")]
    private static partial Regex Duration();
}
