using System.Globalization;

namespace Interactive.DlExt;

/// <summary>Labels runs by the settings that differ between them ("lr 0.01" / "lr 0.4", "batch 32, lr 0.05"), in a fixed
/// order. An optimizer's own setting (β, β₁, β₂, ρ) counts only among the runs whose optimizer has it, so comparing sgd
/// with adam says "sgd" and "adam", not adam's β₁ too; among different optimizers a zero weight decay goes unsaid.</summary>
internal static class RunLabels
{
    private static readonly (string Name, Func<TrainingSettings, string?> Value, bool OwnSetting)[] Fields =
    [
        ("model", s => s.Model, false),
        ("optimizer", s => s.Optimizer, false),
        ("batch", s => Number(s.BatchSize), false),
        ("lr", s => Number(s.LearningRate), false),
        ("β", s => Number(s.OptimizerSettings?.Momentum), true),
        ("β₁", s => Number(s.OptimizerSettings?.Beta1), true),
        ("β₂", s => Number(s.OptimizerSettings?.Beta2), true),
        ("ρ", s => Number(s.OptimizerSettings?.Rho), true),
        ("weight decay", s => Number(s.OptimizerSettings?.WeightDecay), false),
        ("schedule", s => s.Schedule, false),
        ("L1", s => Number(s.L1), false),
        ("L2", s => Number(s.L2), false),
        ("clip norm", s => Number(s.ClipNorm) ?? "off", false),
        ("clip value", s => Number(s.ClipValue) ?? "off", false),
        ("epochs", s => Number(s.Epochs), false),
        ("seed", s => Number(s.Seed), false),
        ("train samples", s => Number(s.TrainCount), false),
    ];

    /// <summary>The names of the settings that differ, in label order (e.g. ["batch", "lr"]).</summary>
    public static IReadOnlyList<string> Differing(IReadOnlyList<TrainingSettings> settings) =>
        [.. Fields.Where(f => Differs(f, settings)).Select(f => f.Name)];

    /// <summary>One label per run; <paramref name="scaledLearningRate"/> marks the lr as linearly scaled. A run without a
    /// label of its own, or with another run's label, is called by its name (or "run k") with its label in brackets.</summary>
    public static IReadOnlyList<string> Make(IReadOnlyList<TrainingSettings> settings, IReadOnlyList<string>? names, bool scaledLearningRate)
    {
        var differing = Fields.Where(f => Differs(f, settings)).ToArray();
        var optimizersDiffer = differing.Any(f => f.Name == "optimizer");
        var labels = settings.Select(s => string.Join(", ", differing
            .Select(f => (f.Name, Value: f.Value(s)))
            .Where(p => p.Value is not null)
            .Where(p => !(optimizersDiffer && p.Name == "weight decay" && p.Value == "0")) // "sgd", "adamw, weight decay 0.01"
            .Select(p => Part(p.Name, p.Value!, scaledLearningRate)))).ToArray();
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0 || labels.Count(l => l == label) > 1)
            {
                var name = names is not null && i < names.Count ? names[i] : string.Create(CultureInfo.InvariantCulture, $"run {i + 1}");
                labels[i] = label.Length == 0 ? name : $"{name} ({label})";
            }
        }

        return labels;
    }

    private static string Part(string name, string value, bool scaledLearningRate) => name switch
    {
        "optimizer" or "model" => value,
        "lr" when scaledLearningRate => $"lr {value} (scaled)",
        _ => $"{name} {value}",
    };

    private static bool Differs((string Name, Func<TrainingSettings, string?> Value, bool OwnSetting) field, IReadOnlyList<TrainingSettings> settings)
    {
        var values = settings.Select(field.Value).ToArray();
        return field.OwnSetting
            ? values.Where(v => v is not null).Distinct(StringComparer.Ordinal).Count() > 1
            : values.Distinct(StringComparer.Ordinal).Count() > 1;
    }

    private static string? Number(double? value) => value is { } v ? ScheduleLabel.N(v) : null;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
