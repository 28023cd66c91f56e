using System.Text;
using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

public sealed class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r", "\"cr\r\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("≥ 0.9 · ✓", "≥ 0.9 · ✓")]
    public void A_field_is_quoted_only_when_rfc_4180_needs_it_with_quotes_doubled(string value, string written)
    {
        Assert.Equal(written, Csv.Field(value));
    }

    [Fact]
    public void A_record_ends_with_crlf()
    {
        var csv = new StringBuilder();

        Csv.AppendRecord(csv, ["a", "b,c", ""]);

        Assert.Equal("a,\"b,c\",\r\n", csv.ToString());
    }
}
