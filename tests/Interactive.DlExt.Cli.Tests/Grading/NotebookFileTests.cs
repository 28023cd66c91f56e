using System.Text.Json.Nodes;
using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

public sealed class NotebookFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-notebook-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string Homework = """
        {"cells": [
          {"cell_type": "markdown", "metadata": {}, "source": ["# Homework\n"]},
          {"cell_type": "code", "metadata": {"x": 1}, "outputs": [], "source": ["#r \"nuget: Interactive.DlExt\""]},
          {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["var a = 1;\n", "a + 1"]}
        ], "metadata": {"kernelspec": {"name": ".net-csharp"}}, "nbformat": 4, "nbformat_minor": 5}
        """;

    [Fact]
    public void A_jupyter_notebook_lists_every_cell_numbered_from_1_text_cells_included()
    {
        var notebook = NotebookFile.Read(Write("h.ipynb", Homework));

        Assert.Equal([(1, false, "# Homework\n"), (2, true, "#r \"nuget: Interactive.DlExt\""), (3, true, "var a = 1;\na + 1")],
            notebook.Cells.Select(c => (c.Number, c.IsCode, c.Source)));
        Assert.Equal("var a = 1;", notebook.Cells[2].FirstLine);
    }

    [Fact]
    public void A_copy_for_a_package_source_loads_the_feed_and_the_pinned_version_in_the_package_cell_itself()
    {
        var source = new PackageSource("/feeds/class", "0.1.0-test.7");
        var copy = Path.Combine(_folder, "copy.ipynb");

        var replaced = NotebookFile.Read(Write("h.ipynb", Homework)).SaveCopy(copy, source);

        Assert.Equal(1, replaced);
        var root = JsonNode.Parse(File.ReadAllText(copy))!;
        var cells = root["cells"]!.AsArray();
        Assert.Equal(3, cells.Count);
        Assert.Equal(["#i \"nuget: /feeds/class\"\n", "#r \"nuget: Interactive.DlExt, 0.1.0-test.7\""], cells[1]!["source"]!.AsArray().Select(l => (string?)l));
        Assert.Equal(["var a = 1;\n", "a + 1"], cells[2]!["source"]!.AsArray().Select(l => (string?)l));
        Assert.Equal(1, (int)cells[1]!["metadata"]!["x"]!);
        Assert.Equal(".net-csharp", (string?)root["metadata"]!["kernelspec"]!["name"]);
    }

    [Fact]
    public void A_copy_without_a_package_source_is_the_notebook_unchanged()
    {
        var copy = Path.Combine(_folder, "copy.ipynb");

        var replaced = NotebookFile.Read(Write("h.ipynb", Homework)).SaveCopy(copy, null);

        Assert.Equal(0, replaced);
        Assert.Equal(NotebookFile.Read(Path.Combine(_folder, "h.ipynb")).Cells, NotebookFile.Read(copy).Cells);
    }

    [Fact]
    public void A_notebook_that_is_not_json_is_refused_with_where_the_json_breaks()
    {
        var path = Write("broken.ipynb", "{\"cells\": [\n  {\"cell_type\": \"code\"\n   \"source\": []}]}");

        var error = Assert.Throws<DlExtFileException>(() => NotebookFile.Read(path));

        Assert.Equal("is not valid JSON at line 3, column 4: '\"' is invalid after a value. Expected either ',', '}', or ']'.", error.Problem);
    }

    [Theory]
    [InlineData("[1, 2]", "is JSON but not a Jupyter notebook: it has no \"cells\" list")]
    [InlineData("{\"nbformat\": 4}", "is JSON but not a Jupyter notebook: it has no \"cells\" list")]
    [InlineData("{\"cells\": [{\"source\": []}]}", "is not a Jupyter notebook: cell 1 has no \"cell_type\" or \"source\"")]
    public void Json_that_is_not_a_notebook_is_refused_saying_what_is_missing(string content, string problem)
    {
        var path = Write("other.ipynb", content);

        var error = Assert.Throws<DlExtFileException>(() => NotebookFile.Read(path));

        Assert.Equal($"'{path}' {problem}", error.Message);
    }

    [Fact]
    public void A_polyglot_dib_notebook_has_a_cell_per_kernel_line_and_its_package_line_is_rewritten_too()
    {
        var path = Write("h.dib", "#!meta\n\n{\"kernelInfo\":{}}\n\n#!markdown\n\n# Homework\n\n#!csharp\n\n#r \"nuget: Interactive.DlExt\"\n\n#!csharp\n\nvar a = 1;\n");
        var copy = Path.Combine(_folder, "copy.dib");

        var notebook = NotebookFile.Read(path);
        var replaced = notebook.SaveCopy(copy, new PackageSource("/feed", "1.0.0"));

        Assert.Equal([(1, false, "# Homework"), (2, true, "#r \"nuget: Interactive.DlExt\""), (3, true, "var a = 1;")], notebook.Cells.Select(c => (c.Number, c.IsCode, c.Source)));
        Assert.Equal(1, replaced);
        Assert.Contains("#!csharp\n\n#i \"nuget: /feed\"\n#r \"nuget: Interactive.DlExt, 1.0.0\"\n\n#!csharp", File.ReadAllText(copy), StringComparison.Ordinal);
    }
}
