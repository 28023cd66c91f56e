using System.Text.RegularExpressions;

namespace Interactive.DlExt.Cli.Tests;

public sealed partial class ExitCodesTests
{
    [Fact]
    public void The_readme_table_lists_the_same_exit_codes_and_meanings_as_the_code()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## The dlext command", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", 3, StringComparison.Ordinal) is > 0 and var end ? end : section.Length)];

        var rows = TableRow().Matches(section).Select(m => (int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Groups["meaning"].Value.Replace("\\|", "|", StringComparison.Ordinal).Trim())).ToList();

        Assert.Equal(ExitCodes.All, rows);
    }

    [Fact]
    public void Every_exit_code_is_distinct_and_the_table_is_in_order()
    {
        var codes = ExitCodes.All.Select(e => e.Code).ToList();

        Assert.Equal(codes.Order(), codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 130], codes);
    }

    [GeneratedRegex(@"^\| `?(?<code>\d+)`? \| (?<meaning>.+) \|\r?$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
