using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class ChartSecurityTests
{
    public static TheoryData<string> HostileStrings => new()
    {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "</text></svg><script>alert(1)</script>",
        "<![CDATA[<script>alert(1)</script>]]>",
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void No_user_string_of_any_chart_can_inject_an_element_or_event_handler(string hostile)
    {
        foreach (var (name, svg) in ChartSamples.All(_ => hostile))
        {
            var root = Svg.Parse(svg);
            var elements = root.QuerySelectorAll("*").Append(root).ToList();

            Assert.True(root.QuerySelectorAll("script, img, foreignObject").Length == 0, name);
            Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.Contains(elements, e => e.TextContent.Contains(hostile.Trim(), StringComparison.Ordinal)); // shown as text, not dropped
        }
    }

    [Fact]
    public void Every_chart_is_identical_when_rendered_twice()
    {
        var first = ChartSamples.All().ToList();
        var second = ChartSamples.All().ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Charts_without_an_id_prefix_get_stable_content_hashed_ids()
    {
        var sweep = ChartSamples.LearningRateSweep() with { Id = null };
        var other = sweep with { Title = "Another sweep" };

        var id = Svg.Parse(sweep.ToSvg()).QuerySelector("linearGradient")!.Id!;

        Assert.Equal(id, Svg.Parse(sweep.ToSvg()).QuerySelector("linearGradient")!.Id);
        Assert.NotEqual(id, Svg.Parse(other.ToSvg()).QuerySelector("linearGradient")!.Id);
        Assert.Equal($"url(#{id})", Svg.Parse(sweep.ToSvg()).QuerySelector(".color-scale rect")!.GetAttribute("fill"));
    }

    [Fact]
    public void Every_chart_is_well_formed_xml()
    {
        foreach (var (name, svg) in ChartSamples.All())
        {
            var document = System.Xml.Linq.XDocument.Parse(svg);
            Assert.True(document.Root!.Name.LocalName == "svg", name);
        }
    }
}
