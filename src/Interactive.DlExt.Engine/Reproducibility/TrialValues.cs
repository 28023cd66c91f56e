using System.Globalization;

namespace Interactive.DlExt;

/// <summary>What a sweep's manifest keeps of one trial (its wall time left out: it differs on every run).</summary>
/// <param name="Number">The trial number, 0-based as the sweep view shows it.</param>
/// <param name="State">Completed, Pruned, Failed, Cancelled or Running.</param>
/// <param name="Parameters">The trial's parameters as JSON with round-trip numbers, e.g. {"lr":0.01,"optimizer":"adam"}.</param>
/// <param name="Value">The trial's objective, when it has one.</param>
/// <param name="Curve">The objective after each epoch.</param>
public sealed record TrialValues(int Number, string State, string Parameters, double? Value, IReadOnlyList<double> Curve)
{
    /// <summary>Whether both hold the same bits.</summary>
    public bool SameAs(TrialValues other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Number == other.Number && State == other.State && Parameters == other.Parameters && Same(Value, other.Value)
            && Curve.Count == other.Curve.Count && Curve.Zip(other.Curve).All(p => Same(p.First, p.Second));
    }

    /// <summary>The trial's line in a digest or a difference: number, state, value and parameters, numbers in round-trip form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"trial #{Number} {State} value {(Value is { } v ? RunManifest.Text(v) : "none")} {Parameters} curve [{string.Join(' ', Curve.Select(RunManifest.Text))}]");

    private static bool Same(double? a, double? b) =>
        a is null ? b is null : b is not null && BitConverter.DoubleToInt64Bits(a.Value) == BitConverter.DoubleToInt64Bits(b.Value);
}
