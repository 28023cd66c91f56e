using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebooks;

/// <summary>
/// The course's shape, checked on the committed files (the real-kernel CourseTests check that the outputs are true):
/// twins in both languages with the same code, every code cell with its output, goals first, an exercise, and every
/// measured number the prose quotes present in the notebook's code or outputs.
/// </summary>
public sealed partial class CourseLayoutTests
{
    public static TheoryData<string> English() => [.. Tutorials.Names()];

    public static TheoryData<string> Every() => [.. Tutorials.Names(), .. Tutorials.In(Tutorials.Chinese)];

    [Fact]
    public void Every_english_notebook_has_a_chinese_twin_and_every_twin_an_english_original()
    {
        var english = Tutorials.Names().Select(Path.GetFileName).ToList();
        var chinese = Tutorials.In(Tutorials.Chinese).Select(Path.GetFileName).ToList();

        Assert.Equal(english, chinese);
        Assert.All(english, n => Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", n));
    }

    [Theory]
    [MemberData(nameof(English))]
    public void The_chinese_twin_carries_exactly_the_code_cells_of_the_english_notebook(string name)
    {
        var english = Tutorials.CSharpCells(Repository.PathOf("notebooks", name));
        var chinese = Tutorials.CSharpCells(Repository.PathOf("notebooks", Tutorials.TwinOf(name)));

        Assert.Equal(english, chinese);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_code_cell_has_its_committed_output_and_none_is_an_error(string name)
    {
        var cells = Tutorials.CodeCells(Tutorials.Load(Repository.PathOf("notebooks", name)));

        for (var i = 0; i < cells.Count; i++)
        {
            var outputs = cells[i]["outputs"] as JsonArray ?? [];
            Assert.True(outputs.Count > 0, $"{name}: code cell {i + 1} has no committed output:\n{Tutorials.SourceOf(cells[i])}");
            Assert.DoesNotContain(outputs, o => (string?)o!["output_type"] == "error" || (string?)o!["name"] == "stderr");
        }
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void The_notebook_states_its_learning_goals_first_and_has_an_exercise(string name)
    {
        var markdown = Tutorials.MarkdownCells(Tutorials.Load(Repository.PathOf("notebooks", name)));
        var chinese = name.StartsWith(Tutorials.Chinese, StringComparison.Ordinal);

        Assert.StartsWith("# ", markdown[0], StringComparison.Ordinal);
        Assert.Contains(chinese ? "学习目标" : "Learning goals", markdown[0], StringComparison.Ordinal);
        Assert.Contains(markdown, m => m.Contains(chinese ? "## 练习" : "## Exercise", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_measured_number_the_prose_quotes_is_in_the_notebooks_code_or_outputs(string name)
    {
        var notebook = Tutorials.Load(Repository.PathOf("notebooks", name));
        var cells = Tutorials.CodeCells(notebook);
        var haystack = string.Join("\n", cells.Select(Tutorials.SourceOf)) + "\n" + string.Join("\n", cells.Select(OutputText));

        var missing = Tutorials.MarkdownCells(notebook)
            .SelectMany(m => MeasuredNumber().Matches(StripLinks(m)).Select(x => x.Value))
            .Distinct(StringComparer.Ordinal)
            .Where(n => !Regex.IsMatch(haystack, @"(?<![\d.])" + Regex.Escape(n) + @"(?![\d])"))
            .ToList();

        Assert.True(missing.Count == 0, $"{name} quotes numbers that neither its code nor its outputs contain: {string.Join(", ", missing)}");
    }

    private static string OutputText(JsonObject cell) => string.Join("\n", (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(o =>
        o["data"] is JsonObject data ? data.Select(d => Join(d.Value)) : [Join(o["text"])]));

    private static string Join(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? string.Empty,
        _ => string.Empty,
    };

    // Link targets and inline math are not quoted measurements.
    private static string StripLinks(string markdown) => Regex.Replace(markdown, @"\]\([^)]*\)", "]");

    // A decimal number (0.01, 97.20, 1e-3): what a reader takes as measured or set; integers (epochs, years) are prose.
    [GeneratedRegex(@"(?<![\w.])\d+\.\d+(?:e-?\d+)?(?![\w.]*\d)|(?<![\w.])\d+e-\d+")]
    private static partial Regex MeasuredNumber();
}
