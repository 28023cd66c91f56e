using System.Globalization;

namespace Interactive.DlExt;

/// <summary>
/// Multiplies the rate by γ at each milestone epoch (PyTorch's <c>MultiStepLR</c>), with 0-based epochs:
/// <code>η = η₀ · γ^k,   k = the number of milestones m with m ≤ epoch</code>
/// so with milestones 30 and 60 epochs 0–29 run at η₀, 30–59 at η₀γ and 60 on at η₀γ².
/// </summary>
public sealed class MultiStepDecay : LearningRateSchedule
{
    private readonly int[] _milestones;

    /// <summary>Creates the schedule.</summary>
    /// <param name="milestones">The epochs at which to decay, strictly increasing, each ≥ 1.</param>
    /// <param name="gamma">γ, in (0, 1]. The default is 0.1.</param>
    public MultiStepDecay(IReadOnlyList<int> milestones, double gamma = 0.1)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var text = string.Join(", ", milestones.Select(m => m.ToString(CultureInfo.InvariantCulture)));
        if (milestones.Count == 0 || milestones[0] < 1 || milestones.Zip(milestones.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new DlExtArgumentException(nameof(milestones), $"[{text}]", "one or more strictly increasing epochs, each ≥ 1");
        }

        _milestones = [.. milestones];
        Gamma = Schedules.Gamma(gamma);
    }

    /// <summary>The epochs at which the rate is multiplied by γ.</summary>
    public IReadOnlyList<int> Milestones => _milestones;

    /// <summary>γ, the factor applied at each milestone.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override string Name => "multistep";

    /// <inheritdoc />
    public override string Formula => "η = η₀ · γ^(number of milestones ≤ epoch)";

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context)
    {
        var passed = 0;
        while (passed < _milestones.Length && _milestones[passed] <= context.Epoch)
        {
            passed++;
        }

        return context.BaseLearningRate * DeterministicMath.Pow(Gamma, passed);
    }
}
