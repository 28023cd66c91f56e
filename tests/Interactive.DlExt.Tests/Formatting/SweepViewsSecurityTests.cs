using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class SweepViewsSecurityTests
{
    private const string EvilName = "<script>alert(1)</script>";
    private const string EvilChoice = "\"><img src=x onerror=alert(2)>";

    [Fact]
    public void Parameter_names_and_choice_values_cannot_inject_markup()
    {
        var space = SearchSpace.Create().LogUniform(EvilName, 1e-3, 0.1).Choice("act", EvilChoice, "relu' onload='x");
        var result = Sweep.Run(new SweepRequest(_ => SweepFixtures.Model(new TrialParameters([])), SweepFixtures.Blobs(perClass: 15), space)
        {
            Trials = 4, Epochs = 2, Optimizer = "sgd", ThreadsPerTrial = 1, StudyName = "<i>study</i>",
        });

        foreach (var html in new[] { SweepViews.Html(result), SweepViews.LiveHtml(result) })
        {
            var document = SweepFixtures.Parse(html);
            Assert.Empty(document.QuerySelectorAll("script"));
            Assert.Empty(document.QuerySelectorAll("img"));
            Assert.Empty(document.QuerySelectorAll("i"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.Contains(EvilName, document.QuerySelectorAll("table.sweep-trials th").Select(h => h.TextContent));
            Assert.Contains("<i>study</i>", document.QuerySelector(".sweep-summary")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains(EvilChoice, SweepViews.PlainText(result), StringComparison.Ordinal);
    }
}
