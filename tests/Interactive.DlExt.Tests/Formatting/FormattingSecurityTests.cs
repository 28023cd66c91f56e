using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

public sealed class FormattingSecurityTests
{
    public static TheoryData<string> HostileStrings => new()
    {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
    };

    /// <summary>Every object whose view shows a user string, with that string set to <paramref name="hostile"/>.</summary>
    private static IEnumerable<(string Name, object Value)> WithUserStrings(string hostile)
    {
        var names = Enumerable.Range(0, 3).Select(i => hostile + i).ToArray();
        var spirals = Datasets.Spirals(20, 3, seed: 1);
        var data = new Dataset(spirals.Features, spirals.Targets, 3, names, hostile);
        var digits = Datasets.Digits();
        var images = new Dataset(digits.Features, digits.Targets, 10, Enumerable.Range(0, 10).Select(i => hostile + i).ToArray(), hostile);

        var model = new Sequential(new Linear(8, Activation.Relu, name: hostile), new Linear(3, name: hostile + "2")) { Name = hostile };
        yield return ("unbuilt model", model);
        var built = new Sequential(new Linear(8, name: hostile), new Linear(3)) { Name = hostile }.Build([2]);
        yield return ("built model", built);
        yield return ("summary", built.Summary());
        yield return ("dataset", data);
        yield return ("image dataset", images);

        var trained = new Sequential(new Linear(3, name: hostile)) { Name = hostile };
        var history = Trainer.Fit(trained, data, new TrainingOptions { Epochs = 2, BatchSize = 16, ValidationSplit = 0.25, Threads = 1 });
        yield return ("history", history);
        var evaluation = Trainer.Evaluate(trained, data, threads: 1);
        yield return ("evaluation", evaluation);
        yield return ("confusion matrix", evaluation.ConfusionMatrix!);
        var lrFind = LearningRateFinder.Run(new Sequential(new Linear(3)), data, new LrFinderOptions { Steps = 10, Threads = 1 });
        yield return ("lr-find", lrFind with { Optimizer = hostile, SuggestionRule = hostile, StopMessage = hostile });
        yield return ("magic help", new MagicHelp([new MagicSpec(hostile, hostile, [new MagicOption(hostile, hostile, MagicOptionKind.Choice) { Default = hostile, Allowed = [hostile] }], hostile)]));
        yield return ("status", new TrainingStatus(hostile));
        yield return ("plain string", hostile);
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void No_user_string_reachable_by_a_view_can_inject_an_element_or_event_handler(string hostile)
    {
        foreach (var (name, value) in WithUserStrings(hostile))
        {
            var document = HtmlDom.ParseDocument("<!DOCTYPE html><html><body>" + Html.Render(value) + "</body></html>");
            var elements = document.Body!.QuerySelectorAll("*");

            Assert.True(document.QuerySelectorAll("script, img, iframe, foreignObject").Length == 0, name);
            Assert.True(elements.Where(e => e.LocalName == "svg").All(svg => svg.ParentElement?.LocalName == "div"), name); // only the charts' own <svg>
            Assert.False(elements.Any(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))), name);
        }
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void A_report_title_cannot_inject_markup(string hostile)
    {
        var document = HtmlDom.ParseDocument(HtmlReport.Page(hostile, hostile));

        Assert.Empty(document.QuerySelectorAll("script, img, svg"));
        Assert.Equal(hostile, document.Title);
        Assert.Equal(hostile, document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void The_hostile_strings_are_shown_as_text_not_dropped()
    {
        const string Hostile = "<script>alert(1)</script>";
        // The history shows the layers' descriptions, not their names, so no user string reaches it.
        foreach (var (name, value) in WithUserStrings(Hostile).Where(s => s.Name != "history"))
        {
            var body = HtmlDom.ParseDocument("<!DOCTYPE html><html><body>" + Html.Render(value) + "</body></html>").Body!;

            Assert.True(body.TextContent.Contains(Hostile, StringComparison.Ordinal), name);
        }
    }
}
