using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// Whether a re-run reproduced a manifest bit for bit, and if not, the first thing that differs and its likely cause:
/// other data (a fingerprint differs), another package version or SIMD path (the environment differs), other
/// settings, or, with all of those equal, the first epoch and field whose numbers differ (for a sweep, the first trial).
/// </summary>
/// <param name="IsIdentical">Whether settings, data, every epoch's numbers, the final metrics and the weights are equal.</param>
/// <param name="Differences">What differs, most telling first (empty when identical).</param>
/// <param name="FirstEpoch">The first epoch (1-based) whose numbers differ, when any.</param>
/// <param name="FirstField">That epoch's first differing field, e.g. "validation loss".</param>
/// <param name="LikelyCause">The probable reason in words, empty when identical.</param>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed record ManifestComparison(bool IsIdentical, IReadOnlyList<string> Differences, int? FirstEpoch, string? FirstField, string LikelyCause)
{
    /// <summary>Compares a re-run (<paramref name="actual"/>) with the manifest it re-ran (<paramref name="expected"/>).</summary>
    public static ManifestComparison Compare(RunManifest expected, RunManifest actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        var causes = new List<string>();

        foreach (var (want, got) in expected.Data.Zip(actual.Data))
        {
            if (want.Sha256 != got.Sha256 || want.Count != got.Count)
            {
                differences.Add($"the {want.Role} data differs: {want.Name}, {want.Count} samples, SHA-256 {want.Sha256[..12]}… was {got.Name}, {got.Count} samples, {got.Sha256[..12]}…");
                causes.Add("other data (a different file, split or preprocessing)");
            }
        }

        if (expected.Data.Count != actual.Data.Count)
        {
            differences.Add($"the run read {actual.Data.Count} data set(s), the manifest {expected.Data.Count}");
            causes.Add("other data");
        }

        foreach (var key in expected.Hyperparameters.Keys.Union(actual.Hyperparameters.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected.Hyperparameters.GetValueOrDefault(key, "(none)");
            var got = actual.Hyperparameters.GetValueOrDefault(key, "(none)");
            if (want != got)
            {
                differences.Add($"setting '{key}' is {got}, the manifest says {want}");
                causes.Add("other settings");
            }
        }

        if (expected.Seeds.Count != actual.Seeds.Count || expected.Seeds.Any(s => actual.Seeds.GetValueOrDefault(s.Key) != s.Value))
        {
            differences.Add("the seeds differ: " + string.Join(", ", actual.Seeds.Select(s => $"{s.Key} {s.Value}")) + " vs " + string.Join(", ", expected.Seeds.Select(s => $"{s.Key} {s.Value}")));
            causes.Add("another seed");
        }

        int? firstEpoch = null;
        string? firstField = null;
        for (var i = 0; i < Math.Min(expected.Epochs.Count, actual.Epochs.Count) && firstEpoch is null; i++)
        {
            var want = expected.Epochs[i].Fields;
            var got = actual.Epochs[i].Fields;
            for (var f = 0; f < want.Count; f++)
            {
                if (!Same(want[f], got[f]))
                {
                    firstEpoch = expected.Epochs[i].Epoch;
                    firstField = EpochValues.FieldNames[f];
                    differences.Add(string.Create(CultureInfo.InvariantCulture,
                        $"epoch {firstEpoch}: {firstField} is {Text(got[f])}, the manifest says {Text(want[f])}"));
                    break;
                }
            }
        }

        if (firstEpoch is null && expected.Epochs.Count != actual.Epochs.Count)
        {
            differences.Add($"the re-run has {actual.Epochs.Count} epochs, the manifest {expected.Epochs.Count}");
            firstEpoch = Math.Min(expected.Epochs.Count, actual.Epochs.Count) + 1;
        }

        for (var i = 0; i < Math.Min(expected.Trials.Count, actual.Trials.Count); i++)
        {
            if (!expected.Trials[i].SameAs(actual.Trials[i]))
            {
                differences.Add($"{actual.Trials[i]}, the manifest says {expected.Trials[i]}");
                break;
            }
        }

        if (expected.Trials.Count != actual.Trials.Count)
        {
            differences.Add($"the re-run has {actual.Trials.Count} trials, the manifest {expected.Trials.Count}");
        }

        foreach (var key in expected.FinalMetrics.Keys.Where(k => actual.FinalMetrics.GetValueOrDefault(k) != expected.FinalMetrics[k]))
        {
            differences.Add($"final {key} is {actual.FinalMetrics.GetValueOrDefault(key, "(none)")}, the manifest says {expected.FinalMetrics[key]}");
        }

        if (expected.WeightsSha256 != actual.WeightsSha256)
        {
            differences.Add($"the final weights differ (SHA-256 {Short(actual.WeightsSha256)} vs {Short(expected.WeightsSha256)})");
        }

        if (differences.Count == 0)
        {
            return new ManifestComparison(true, [], null, null, string.Empty);
        }

        var e = expected.Environment;
        var a = actual.Environment;
        if (e.Package != a.Package)
        {
            causes.Add($"another package version ({a.Package} here, {e.Package} in the manifest)");
        }

        if (e.Simd != a.Simd)
        {
            causes.Add($"another SIMD path ({a.Simd} here, {e.Simd} in the manifest): every path should give the same bits, so report this");
        }

        if (e.Runtime != a.Runtime || e.OperatingSystem != a.OperatingSystem || e.Architecture != a.Architecture)
        {
            causes.Add($"another runtime or system ({a.Runtime} on {a.OperatingSystem} {a.Architecture} here, {e.Runtime} on {e.OperatingSystem} {e.Architecture} in the manifest)");
        }

        // Random and grid suggestions depend only on the trial number; a model-based strategy's on the trials finished so far.
        if (expected.Kind == RunManifest.SweepKind && expected.Hyperparameters.GetValueOrDefault("parallel", "1") != "1"
            && expected.Hyperparameters.GetValueOrDefault("strategy") is not ("random" or "grid"))
        {
            causes.Add("parallel trials with a model-based strategy: what it suggests next depends on which trials finished first, so the run is not reproducible; use --parallel 1");
        }

        if (causes.Count == 0)
        {
            causes.Add("nothing recorded differs (same data, settings, seeds and environment): the code that ran differs, e.g. an edited model or cell");
        }

        return new ManifestComparison(false, differences, firstEpoch, firstField, string.Join("; or ", causes.Distinct()));
    }

    /// <inheritdoc />
    public override string ToString() => IsIdentical
        ? "bit-identical: the re-run reproduced every epoch, the final metrics and the weights"
        : $"differs: {Differences[0]}. Likely cause: {LikelyCause}.";

    private static bool Same(double? a, double? b) =>
        a is null ? b is null : b is not null && BitConverter.DoubleToInt64Bits(a.Value) == BitConverter.DoubleToInt64Bits(b.Value);

    private static string Text(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "(none)";

    private static string Short(string? hash) => hash is null ? "none" : hash[..12] + "…";
}
