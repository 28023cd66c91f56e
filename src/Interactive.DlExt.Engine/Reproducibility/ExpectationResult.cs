namespace Interactive.DlExt;

/// <summary>One rubric check of a homework run (<see cref="Expectations"/>), as recorded in its manifest.</summary>
/// <param name="Check">What was expected, e.g. "validation accuracy ≥ 0.9 by epoch 10".</param>
/// <param name="Passed">Whether the run met it.</param>
/// <param name="Detail">What was found, e.g. "0.934 at epoch 7".</param>
public sealed record ExpectationResult(string Check, bool Passed, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Passed ? "pass" : "FAIL")}: {Check} ({Detail})";
}
