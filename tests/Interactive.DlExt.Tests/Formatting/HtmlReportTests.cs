using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class HtmlReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_report_is_one_self_contained_page_with_the_items_in_order()
    {
        var path = Path.Combine(_folder, "run.html");
        var history = FormattingSamples.History(epochs: 3);
        var evaluation = FormattingSamples.DigitsEvaluation();

        HtmlReport.Save(path, "Run 1", history, "A note", evaluation, Datasets.Digits());

        var text = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        var document = HtmlDom.ParseDocument(text);
        Assert.Equal("Run 1", document.Title);
        Assert.Equal("utf-8", document.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Equal(["dlext-history", "dlext-evaluation", "dlext-dataset"],
            document.QuerySelectorAll("section > div").Select(d => d.ClassName));
        Assert.Equal("A note", document.QuerySelector("section > p")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("script, link, iframe"));
        var references = document.All.SelectMany(e => e.Attributes).Where(a => a.Name is "src" or "href" or "xlink:href").Select(a => a.Value).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("http", StringComparison.OrdinalIgnoreCase) || r.StartsWith("//", StringComparison.Ordinal));
        Assert.DoesNotContain("http://", text.Replace("http://www.w3.org/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveHtml_writes_the_history_and_the_evaluation_reports()
    {
        var history = FormattingSamples.History(epochs: 2);
        var evaluation = FormattingSamples.DigitsEvaluation();

        history.SaveHtml(Path.Combine(_folder, "history.html"));
        evaluation.SaveHtml(Path.Combine(_folder, "evaluation.html"));

        Assert.Contains(Html.Render(history), File.ReadAllText(Path.Combine(_folder, "history.html")), StringComparison.Ordinal);
        Assert.Contains(Html.Render(evaluation), File.ReadAllText(Path.Combine(_folder, "evaluation.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_write_leaves_the_previous_report_intact_and_no_temporary_file()
    {
        var path = Path.Combine(_folder, "run.html");
        HtmlReport.Save(path, "old", "the old report");
        var old = File.ReadAllText(path);

        // The first items are already in the temporary file when the last one fails to render.
        Assert.Throws<InvalidOperationException>(() => HtmlReport.Save(path, "new", FormattingSamples.History(epochs: 2), "the new report", new Unprintable()));

        Assert.Equal(old, File.ReadAllText(path));
        Assert.Equal(["run.html"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_report_replaces_the_previous_one()
    {
        var path = Path.Combine(_folder, "run.html");
        HtmlReport.Save(path, "old", "first");

        HtmlReport.Save(path, "new", "second");

        Assert.Contains("second", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("missing-folder/run.html")]
    public void A_bad_path_is_rejected_naming_the_path(string relative)
    {
        var path = relative.Trim().Length == 0 ? relative : Path.Combine(_folder, relative);

        var error = Assert.Throws<DlExtArgumentException>(() => HtmlReport.Save(path, "t", "x"));

        Assert.Equal("path", error.ParamName);
    }

    [Fact]
    public void A_folder_is_not_a_report_path()
    {
        var error = Assert.Throws<DlExtArgumentException>(() => HtmlReport.Save(_folder, "t", "x"));

        Assert.Equal("path", error.ParamName);
    }

    [Fact]
    public void Rendering_the_same_items_twice_gives_the_same_page()
    {
        var history = FormattingSamples.History(epochs: 3);

        Assert.Equal(HtmlReport.Page("t", history, Datasets.Digits()), HtmlReport.Page("t", history, Datasets.Digits()));
    }

    private sealed class Unprintable
    {
        public override string ToString() => throw new InvalidOperationException("cannot render");
    }
}
