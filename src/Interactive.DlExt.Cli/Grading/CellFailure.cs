namespace Interactive.DlExt.Cli.Grading;

/// <summary>A code cell that ended with an error.</summary>
/// <param name="Cell">The cell's 1-based position in the notebook.</param>
/// <param name="Error">The error in one line: the exception and its message, or the compiler's diagnostic.</param>
internal sealed record CellFailure(int Cell, string Error)
{
    /// <inheritdoc />
    public override string ToString() => $"cell {Cell}: {Error}";
}
