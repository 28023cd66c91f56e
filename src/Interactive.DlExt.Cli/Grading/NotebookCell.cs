namespace Interactive.DlExt.Cli.Grading;

/// <summary>One cell of a notebook as a teacher counts them: <paramref name="Number"/> is its 1-based position among all
/// cells, text cells included.</summary>
/// <param name="Number">The 1-based position in the notebook.</param>
/// <param name="IsCode">Whether the cell runs (a code cell), not text.</param>
/// <param name="Source">The cell's text.</param>
internal sealed record NotebookCell(int Number, bool IsCode, string Source)
{
    /// <summary>The first non-blank line, trimmed, for naming the cell in one line.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
}
