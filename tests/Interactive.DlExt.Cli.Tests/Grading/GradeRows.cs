using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

/// <summary>Rows like a graded class's, for the summary writers' tests.</summary>
internal static class GradeRows
{
    public static RunManifest Training => new()
    {
        Kind = RunManifest.TrainingKind,
        FinalMetrics = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["validation accuracy"] = "0.90625", ["train loss"] = "0.80587756633758545" },
        TestAccesses = [new TestSetAccess(1, "digits (test)", TestSetAccess.Evaluated)],
    };

    public static RunManifest Evaluation => new()
    {
        Kind = RunManifest.EvaluationKind,
        FinalMetrics = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["accuracy"] = "0.8997214484679665" },
        TestAccesses = [new TestSetAccess(1, "digits (test)", TestSetAccess.Evaluated), new TestSetAccess(2, "digits (test)", TestSetAccess.Evaluated)],
    };

    public static IReadOnlyList<GradeRow> Class =>
    [
        new GradeRow
        {
            Submission = "alice", Notebook = "homework.ipynb", Ran = true, Outcome = "all 6 code cells succeeded",
            Manifests = [new RerunManifest("run.json", Training, "verified (bit-identical)", true), new RerunManifest("test.json", Evaluation, RerunManifest.NothingToVerify, null)],
            Checks = [new ExpectationResult("seed 1", true, "the run used seed 1"), new ExpectationResult("the test set is touched once", false, "2 use(s)")],
            Elapsed = TimeSpan.FromSeconds(18.25), ExecutedNotebook = "executed/alice.ipynb",
        },
        new GradeRow
        {
            Submission = "bob, \"the second\"", Notebook = "hw.ipynb", Ran = true, Outcome = "1 of 6 code cells failed",
            Failures = [new CellFailure(4, "System.IO.FileNotFoundException: Could not find file './my-features.csv'.")],
            Elapsed = TimeSpan.FromSeconds(9), ExecutedNotebook = "executed/bob.ipynb",
        },
        new GradeRow { Submission = "dave.ipynb", Notebook = "dave.ipynb", Outcome = "does not parse: the notebook is not valid JSON at line 9, column 4: <oops>" },
    ];
}
