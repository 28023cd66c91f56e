using System.Xml.Linq;
using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

public sealed class SummaryHtmlTests
{
    private static readonly string Html = SummaryHtml.Write("Grades: class of 2026", GradeRows.Class);

    private static XElement Body => XElement.Parse(Html[Html.IndexOf("<body>", StringComparison.Ordinal)..(Html.IndexOf("</body>", StringComparison.Ordinal) + 7)]);

    [Fact]
    public void The_page_is_self_contained_without_scripts_or_external_files()
    {
        Assert.StartsWith("<!DOCTYPE html>", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title>Grades: class of 2026</title>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_submission_is_a_row_coloured_by_how_it_ran_with_its_findings_escaped()
    {
        var rows = Body.Descendants("tbody").Single().Elements("tr").ToList();

        Assert.Equal(["ok", "failed", "notrun"], rows.Select(r => (string?)r.Attribute("class")));
        Assert.Equal(["submission", "ran", "outcome", "failed cells", "verification", "test-set accesses", "rubric", "final metrics", "seconds"],
            Body.Descendants("th").Select(t => t.Value));
        var alice = rows[0].Elements("td").ToList();
        Assert.Equal("alicehomework.ipynbexecuted notebook", alice[0].Value);
        Assert.Equal("executed/alice.ipynb", (string?)alice[0].Descendants("a").Single().Attribute("href"));
        Assert.Equal("yes", alice[1].Value);
        Assert.Equal(["run.json: verified (bit-identical)", "test.json: no submitted manifest to verify"], alice[4].Elements("div").Select(d => d.Value));
        Assert.Equal("line pass", (string?)alice[4].Elements("div").First().Attribute("class"));
        Assert.Equal("2#1 evaluated 'digits (test)'#2 evaluated 'digits (test)'", alice[5].Value);
        Assert.Equal(["1 of 2 passed", "✓ seed 1 (the run used seed 1)", "✗ the test set is touched once (2 use(s))"], alice[6].Elements("div").Select(d => d.Value));
        Assert.Equal(["run.json", "train loss 0.8059", "validation accuracy 0.9062", "test.json", "accuracy 0.8997"], alice[7].Elements("div").Select(d => d.Value));
        Assert.Equal("18.3", alice[8].Value);
        var bob = rows[1].Elements("td").ToList();
        Assert.Equal("bob, \"the second\"hw.ipynbexecuted notebook", bob[0].Value);
        Assert.Equal("cell 4: System.IO.FileNotFoundException: Could not find file './my-features.csv'.", bob[3].Value);
        var dave = rows[2].Elements("td").ToList();
        Assert.Equal("no", dave[1].Value);
        Assert.Equal("does not parse: the notebook is not valid JSON at line 9, column 4: <oops>", dave[2].Value);
    }
}
