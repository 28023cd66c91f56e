using Interactive.DlExt.Charts;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Charts;

public class SvgWriterTests
{
    [Theory]
    [InlineData(12.345, 2, "12.35")]
    [InlineData(3.10, 2, "3.1")]
    [InlineData(7.0, 2, "7")]
    [InlineData(-0.004, 2, "0")]
    [InlineData(-1.25, 1, "-1.3")]
    [InlineData(1234567.891, 2, "1234567.89")]
    public void Numbers_are_invariant_with_trimmed_fixed_decimals(double value, int decimals, string expected) =>
        Assert.Equal(expected, SvgNumber.Format(value, decimals));

    [Fact]
    public void Text_and_attributes_are_escaped_and_control_characters_replaced()
    {
        var writer = new SvgWriter(100, 50, "t", "a<b & \"c\"");
        writer.Begin("g").Attr("data-x", "'\"<>&\u0000").Open().Text("<script>\u0007").End("g");

        var svg = writer.Finish();

        Assert.Contains("<title>a&lt;b &amp; \"c\"</title>", svg, StringComparison.Ordinal);
        Assert.Contains("data-x=\"&#39;&quot;&lt;&gt;&amp;\uFFFD\"", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;\uFFFD", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_use_the_sanitized_prefix_or_a_hash_of_the_content()
    {
        var prefixed = new SvgWriter(10, 10, "my chart\"1", null);
        Assert.Equal("my_chart_1-scale", prefixed.Id("scale"));

        static string Hashed(string title)
        {
            var writer = new SvgWriter(10, 10, null, title);
            writer.Begin("g").IdAttr("id", writer.Id("a")).Empty();
            return writer.Finish();
        }

        var first = Svg.Parse(Hashed("one")).QuerySelector("g")!.Id!;
        Assert.Equal(first, Svg.Parse(Hashed("one")).QuerySelector("g")!.Id);
        Assert.NotEqual(first, Svg.Parse(Hashed("two")).QuerySelector("g")!.Id);
        Assert.Matches("^c[0-9a-f]{12}-a$", first);
    }

    [Fact]
    public void Relative_path_data_does_not_drift_from_the_rounded_positions()
    {
        var builder = new System.Text.StringBuilder();
        var path = new PathBuilder(builder);
        path.MoveTo(0, 0);
        for (var i = 1; i <= 1000; i++)
        {
            path.LineTo(i * 0.333, 0);
        }

        // Sum of the relative x steps must land exactly on round(333 * 10) / 10.
        var steps = builder.ToString()[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where((_, k) => k % 2 == 0);
        Assert.Equal(333.0, steps.Sum(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)), 6);
    }
}
