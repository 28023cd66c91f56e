namespace Interactive.DlExt.Search;

/// <summary>Keeps tuning on validation data and the test set for one final measurement.</summary>
internal static class SweepDataCheck
{
    private const string TestOnce =
        "hyperparameters are tuned on validation data; the test set must be touched only once, at the end, to measure the chosen configuration "
        + "(SweepRequest.Test or SweepResult.EvaluateBest), or its score is no longer an unbiased estimate";

    public static void Check(SweepRequest request)
    {
        if (request.Validation is { } validation)
        {
            if (ReferenceEquals(validation, request.Train))
            {
                throw new DlExtArgumentException("validation data", "the training set itself",
                    "held-out data distinct from the training set (a model scored on the samples it trained on looks better than it is); "
                    + "leave Validation null to hold out ValidationSplit of the training data");
            }

            if (validation.Name.Contains("test", StringComparison.OrdinalIgnoreCase) && !request.AllowTestNamedValidation)
            {
                throw new DlExtArgumentException("validation data", $"\"{validation.Name}\"",
                    $"a validation set, not a test set: {TestOnce}. Hold out a validation part of the training data (ValidationSplit), "
                    + "or set AllowTestNamedValidation if this set is not a test set");
            }
        }

        if (request.Test is { } test)
        {
            CheckTest(request, test);
        }
    }

    public static void CheckTest(SweepRequest request, Dataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        if (ReferenceEquals(test, request.Train) || ReferenceEquals(test, request.Validation))
        {
            throw new DlExtArgumentException("test data", ReferenceEquals(test, request.Train) ? "the training set" : "the validation set",
                $"data used neither for training nor for tuning: {TestOnce}");
        }
    }
}
