namespace Interactive.DlExt;

/// <summary>One use of a data set marked as test data (<see cref="Dataset.IsTest"/>).</summary>
/// <param name="Sequence">The order of the access among all test-set accesses in this process (1-based).</param>
/// <param name="DataName">The data set's name at the access, e.g. "digits (test)".</param>
/// <param name="Purpose">What it was used for: "evaluated", "trained on" or "validated on" (the last two are leaks).</param>
public sealed record TestSetAccess(long Sequence, string DataName, string Purpose)
{
    /// <summary>The purpose of an evaluation (the one use a test set should see, once).</summary>
    public const string Evaluated = "evaluated";

    /// <summary>The purpose of training on the data: a leak.</summary>
    public const string TrainedOn = "trained on";

    /// <summary>The purpose of choosing hyperparameters or stopping on it: a leak.</summary>
    public const string ValidatedOn = "validated on";
}
