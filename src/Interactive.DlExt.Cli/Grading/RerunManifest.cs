namespace Interactive.DlExt.Cli.Grading;

/// <summary>A manifest the graded run wrote (<c>--manifest PATH</c> on a magic, <c>SaveManifest</c>), and how it compares
/// with the student's manifest of the same name.</summary>
/// <param name="File">Its path relative to the notebook's folder, e.g. "run.json".</param>
/// <param name="Manifest">The re-run's manifest.</param>
/// <param name="Verification">"verified (bit-identical)", "not verified: FIRST DIFFERENCE (likely cause: …)" or "no submitted manifest to verify".</param>
/// <param name="Verified">Whether the student's manifest was reproduced bit for bit (null: there was none to compare).</param>
internal sealed record RerunManifest(string File, RunManifest Manifest, string Verification, bool? Verified)
{
    /// <summary>What a missing student manifest is reported as.</summary>
    public const string NothingToVerify = "no submitted manifest to verify";

    /// <summary>Compares the re-run's manifest with the student's file of the same name in <paramref name="submission"/>
    /// (null: a lone notebook, which brings no files).</summary>
    public static RerunManifest Verify(string file, RunManifest rerun, string? submission)
    {
        var submitted = submission is null ? null : Path.Combine(submission, file);
        if (submitted is null || !System.IO.File.Exists(submitted))
        {
            return new RerunManifest(file, rerun, NothingToVerify, null);
        }

        RunManifest expected;
        try
        {
            expected = RunManifest.Load(submitted);
        }
        catch (DlExtFileException e)
        {
            return new RerunManifest(file, rerun, "not verified: the submitted " + file + " is not a manifest (" + e.Message + ")", false);
        }

        var comparison = ManifestComparison.Compare(expected, rerun);
        return comparison.IsIdentical
            ? new RerunManifest(file, rerun, "verified (bit-identical)", true)
            : new RerunManifest(file, rerun, $"not verified: {comparison.Differences[0]} (likely cause: {comparison.LikelyCause})", false);
    }

    /// <summary>Reads the manifests among <paramref name="written"/> (paths relative to <paramref name="workFolder"/>),
    /// skipping JSON files that are not manifests, and verifies each against the submission's.</summary>
    public static IReadOnlyList<RerunManifest> Collect(string workFolder, IEnumerable<string> written, string? submission)
    {
        var found = new List<RerunManifest>();
        foreach (var file in written.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                found.Add(Verify(file, RunManifest.Load(Path.Combine(workFolder, file)), submission));
            }
            catch (DlExtFileException)
            {
                // Some other JSON file the notebook wrote.
            }
        }

        return found;
    }
}
