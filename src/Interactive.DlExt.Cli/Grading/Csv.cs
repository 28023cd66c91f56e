using System.Text;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>CSV as RFC 4180 writes it: fields separated by commas, records by CRLF; a field holding a comma, a quote, a
/// line break or leading or trailing spaces is quoted, with its quotes doubled.</summary>
internal static class Csv
{
    /// <summary>One field, quoted when it must be.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>One record, ended by CRLF.</summary>
    public static void AppendRecord(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");
}
