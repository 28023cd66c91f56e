using System.Text;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>The summary as CSV: a header, then one record per submission (<see cref="GradeColumns"/>), invariant
/// culture, UTF-8 without a byte-order mark.</summary>
internal static class SummaryCsv
{
    public static string Write(IReadOnlyList<GradeRow> rows)
    {
        var metrics = GradeColumns.Metrics(rows);
        var csv = new StringBuilder();
        Csv.AppendRecord(csv, GradeColumns.Leading.Select(c => c.Header).Concat(metrics.Select(GradeColumns.Header)).Concat(GradeColumns.Trailing.Select(c => c.Header)));
        foreach (var row in rows)
        {
            Csv.AppendRecord(csv, GradeColumns.Leading.Select(c => c.Value(row)).Concat(metrics.Select(m => GradeColumns.Metric(row, m))).Concat(GradeColumns.Trailing.Select(c => c.Value(row))));
        }

        return csv.ToString();
    }
}
