namespace Interactive.DlExt;

/// <summary>The results of one set of rubric checks on a run or a test set.</summary>
/// <param name="Target">What was checked, e.g. the variable's name.</param>
/// <param name="Results">One result per check, in order.</param>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed record ExpectationReport(string Target, IReadOnlyList<ExpectationResult> Results)
{
    /// <summary>Whether every check passed.</summary>
    public bool AllPassed => Results.All(r => r.Passed);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Target}: {Results.Count(r => r.Passed)} of {Results.Count} checks passed" + string.Concat(Results.Select(r => "\n  " + r));
}
