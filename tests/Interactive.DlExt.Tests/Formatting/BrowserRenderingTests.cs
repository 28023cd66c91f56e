using System.Text.Json;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Formatting;

/// <summary>
/// Renders a history report in headless Chromium and checks what the browser made of it. A probe script is
/// added to the test page only (product output never has scripts): it writes each chart's plot areas and
/// each series' box, as laid out by the browser, into a &lt;pre&gt;.
/// </summary>
public sealed class BrowserRenderingTests : IDisposable
{
    private const string Probe = """
        <pre id="dlext-probe"></pre>
        <script>
        const charts = [...document.querySelectorAll('svg')].map(svg => {
          const box = e => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; };
          return {
            width: svg.getBoundingClientRect().width,
            plots: [...svg.querySelectorAll('path.axis')].map(box),
            series: [...svg.querySelectorAll('path.series')].map(box),
            text: [...svg.querySelectorAll('text')].reduce((w, t) => w + t.getComputedTextLength(), 0),
          };
        });
        document.getElementById('dlext-probe').textContent = JSON.stringify(charts);
        </script>
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-browser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [BrowserFact]
    public void Chromium_draws_every_series_of_a_history_report_inside_its_plot_area()
    {
        var history = FormattingSamples.History(epochs: 8);
        var page = HtmlReport.Page("Browser test", history).Replace("</body>", Probe + "</body>", StringComparison.Ordinal);
        var file = Path.Combine(_folder, "report.html");
        File.WriteAllText(file, page);

        var dom = HtmlDom.ParseDocument(Chromium.DumpDom(file));

        var json = dom.QuerySelector("#dlext-probe")?.TextContent;
        Assert.False(string.IsNullOrEmpty(json), "the probe script did not run: " + dom.Body?.TextContent[..Math.Min(200, dom.Body.TextContent.Length)]);
        var charts = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, charts.Count); // loss (with the learning-rate panel), accuracy and gradient norm
        Assert.Equal([4, 2, 1], charts.Select(c => c.GetProperty("series").GetArrayLength()));
        foreach (var chart in charts)
        {
            Assert.True(chart.GetProperty("width").GetDouble() > 300, "the chart has no width on the page");
            Assert.True(chart.GetProperty("text").GetDouble() > 100, "the chart's text was not laid out");
            var plots = chart.GetProperty("plots").EnumerateArray().Select(Box).ToList();
            Assert.NotEmpty(plots);
            foreach (var series in chart.GetProperty("series").EnumerateArray().Select(Box))
            {
                Assert.True(series.Width > 100 && series.Height > 1, $"a series is not drawn across the plot: {series}");
                Assert.Contains(plots, p => Inside(series, p));
            }
        }
    }

    private static (double X, double Y, double Width, double Height) Box(JsonElement e) =>
        (e[0].GetDouble(), e[1].GetDouble(), e[2].GetDouble(), e[3].GetDouble());

    private static bool Inside((double X, double Y, double Width, double Height) inner, (double X, double Y, double Width, double Height) outer)
    {
        const double Tolerance = 1;
        return inner.X >= outer.X - Tolerance && inner.Y >= outer.Y - Tolerance
            && inner.X + inner.Width <= outer.X + outer.Width + Tolerance
            && inner.Y + inner.Height <= outer.Y + outer.Height + Tolerance;
    }
}
