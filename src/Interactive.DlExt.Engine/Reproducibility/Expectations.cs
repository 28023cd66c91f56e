namespace Interactive.DlExt;

/// <summary>
/// Rubric checks for homework: each returns an <see cref="ExpectationResult"/> and records it in the run's manifest
/// (<see cref="RunManifest.Checks"/>), so a grader sees the pass/fail beside the numbers it rests on.
/// </summary>
public static class Expectations
{
    /// <summary>The validation accuracy reached <paramref name="minimum"/> at some epoch up to <paramref name="byEpoch"/>
    /// (1-based; null: any epoch).</summary>
    public static ExpectationResult ValidationAccuracyAtLeast(TrainingHistory history, double minimum, int? byEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var check = FormattableString.Invariant($"validation accuracy ≥ {minimum:G4}") + (byEpoch is { } e ? FormattableString.Invariant($" by epoch {e}") : string.Empty);
        var epochs = history.Epochs.Where(x => byEpoch is null || x.Epoch + 1 <= byEpoch).Where(x => x.ValidationAccuracy is not null).ToList();
        if (epochs.Count == 0)
        {
            return Record(history, new(check, false, history.Settings.HasValidation ? "no epoch in range" : "the run has no validation data"));
        }

        var best = epochs.MaxBy(x => x.ValidationAccuracy!.Value)!;
        var reached = epochs.FirstOrDefault(x => x.ValidationAccuracy >= minimum);
        return Record(history, reached is not null
            ? new(check, true, FormattableString.Invariant($"{reached.ValidationAccuracy:G4} at epoch {reached.Epoch + 1}"))
            : new(check, false, FormattableString.Invariant($"best {best.ValidationAccuracy:G4} at epoch {best.Epoch + 1}")));
    }

    /// <summary>The training loss of the last epoch is below that of the first.</summary>
    public static ExpectationResult LossDecreases(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        const string check = "the training loss decreases";
        if (history.Epochs.Count < 2)
        {
            return Record(history, new(check, false, FormattableString.Invariant($"{history.Epochs.Count} epoch(s): at least 2 are needed")));
        }

        double first = history.Epochs[0].TrainLoss, last = history.Epochs[^1].TrainLoss;
        return Record(history, new(check, last < first, FormattableString.Invariant($"{first:G4} at epoch 1 → {last:G4} at epoch {history.Epochs.Count}")));
    }

    /// <summary>The run used the assignment's seed.</summary>
    public static ExpectationResult Seeded(TrainingHistory history, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Record(history, new(FormattableString.Invariant($"seed {seed}"), history.Settings.Seed == seed, FormattableString.Invariant($"the run used seed {history.Settings.Seed}")));
    }

    /// <summary>The test set was used exactly once, for one evaluation (not for training or validation).</summary>
    public static ExpectationResult TestSetTouchedOnce(Dataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        const string check = "the test set is touched once";
        if (!test.IsTest)
        {
            return new(check, false, $"'{test.Name}' is not marked as a test set (make it with DataSplit.TrainTest or AsTestSet)");
        }

        var uses = test.TestAccesses;
        return new(check, uses.Count == 1 && uses[0].Purpose == TestSetAccess.Evaluated, UsesText(uses));
    }

    // "never used", "1 use: evaluated as 'digits (test)'", "13 uses: evaluated as 'digits (test)' ×12, trained on as 'digits (test)'":
    // repeated uses are counted, in the order of their first occurrence, so thirteen evaluations read as one line.
    private static string UsesText(IReadOnlyList<TestSetAccess> uses)
    {
        if (uses.Count == 0)
        {
            return "never used";
        }

        var groups = uses.GroupBy(a => (a.Purpose, a.DataName)).Select(g => $"{g.Key.Purpose} as '{g.Key.DataName}'" + (g.Count() > 1 ? FormattableString.Invariant($" ×{g.Count()}") : string.Empty));
        return FormattableString.Invariant($"{uses.Count} use{(uses.Count == 1 ? string.Empty : "s")}: {string.Join(", ", groups)}");
    }

    private static ExpectationResult Record(TrainingHistory history, ExpectationResult result)
    {
        if (history.Manifest is { } manifest)
        {
            history.Manifest = manifest with { Checks = [.. manifest.Checks.Where(c => c.Check != result.Check), result] };
        }

        return result;
    }

}
