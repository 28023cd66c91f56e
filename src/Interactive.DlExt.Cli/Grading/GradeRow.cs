namespace Interactive.DlExt.Cli.Grading;

/// <summary>What grading found for one submission: one row of the summary.</summary>
internal sealed record GradeRow
{
    /// <summary>The submission's file or folder name.</summary>
    public required string Submission { get; init; }

    /// <summary>The notebook's path within the submission, or null when there is none.</summary>
    public string? Notebook { get; init; }

    /// <summary>Whether the notebook ran to its end (every cell was run; some may have failed).</summary>
    public bool Ran { get; init; }

    /// <summary>How the run went, in one line: "all 7 code cells succeeded", "timed out after 60 s in cell 5 (…)", "does not parse: …".</summary>
    public required string Outcome { get; init; }

    /// <summary>The cells that failed and why.</summary>
    public IReadOnlyList<CellFailure> Failures { get; init; } = [];

    /// <summary>The manifests the run wrote, each verified against the student's of the same name.</summary>
    public IReadOnlyList<RerunManifest> Manifests { get; init; } = [];

    /// <summary>Manifests the student submitted that the run did not write again (so nothing verified them).</summary>
    public IReadOnlyList<string> SubmittedOnly { get; init; } = [];

    /// <summary>The outcomes of <c>#!verify</c> cells in the notebook ("bit-identical" or "differs: …").</summary>
    public IReadOnlyList<string> NotebookVerifications { get; init; } = [];

    /// <summary>The rubric checks: every <c>#!expect</c> result shown, and any other recorded in the run's manifests.</summary>
    public IReadOnlyList<ExpectationResult> Checks { get; init; } = [];

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The executed notebook kept for the teacher, relative to the output folder, or null.</summary>
    public string? ExecutedNotebook { get; init; }

    /// <summary>Every use of a test set in the run's manifests (each counted once), in order.</summary>
    public IReadOnlyList<TestSetAccess> TestAccesses =>
        [.. Manifests.SelectMany(m => m.Manifest.TestAccesses).DistinctBy(a => a.Sequence).OrderBy(a => a.Sequence)];
}
