namespace Interactive.DlExt;

/// <summary>
/// Cuts the rate when the monitored value (validation loss, lower is better) stops improving: Keras's
/// <c>ReduceLROnPlateau</c> (absolute minDelta, patience counting), with a cooldown that skips exactly
/// <c>cooldown</c> epochs as in PyTorch's. After each epoch, <see cref="OnEpochEnd"/> applies:
/// <code>
/// improved  = value &lt; best − minDelta           (then best ← value, wait ← 0)
/// otherwise, outside cooldown: wait ← wait + 1
/// wait ≥ patience  ⇒  η ← max(η · factor, η_min), wait ← 0, cooldown ← cooldown epochs
/// </code>
/// so with patience p the rate drops at the end of the p-th consecutive epoch without improvement, and during
/// the cooldown epochs that follow a drop no epoch counts as bad. The rate is η = max(η₀ · factorᵏ, η_min) after
/// k reductions (never above η₀); it is constant within an epoch, and a preview shows the current rate throughout.
/// </summary>
public sealed class ReduceOnPlateau : LearningRateSchedule
{
    private double _best = double.PositiveInfinity;
    private int _wait;
    private int _cooldownLeft;

    /// <summary>Creates the schedule.</summary>
    /// <param name="factor">The multiplier applied at each reduction, in (0, 1). The default is 0.1.</param>
    /// <param name="patience">Epochs without improvement before a reduction, ≥ 1. The default is 10.</param>
    /// <param name="minDelta">How much lower than the best a value must be to count as an improvement, ≥ 0. The default is 1e-4.</param>
    /// <param name="cooldown">Epochs after a reduction during which no epoch counts as bad, ≥ 0. The default is 0.</param>
    /// <param name="minLearningRate">η_min, the floor, ≥ 0. The default is 0.</param>
    public ReduceOnPlateau(double factor = 0.1, int patience = 10, double minDelta = 1e-4, int cooldown = 0, double minLearningRate = 0)
    {
        Factor = Guard.Between(factor, 0, 1, nameof(factor));
        Patience = Guard.AtLeast(patience, 1, nameof(patience));
        MinDelta = Guard.NonNegative(minDelta, "min delta");
        Cooldown = Guard.AtLeast(cooldown, 0, nameof(cooldown));
        MinLearningRate = Guard.NonNegative(minLearningRate, "minimum learning rate");
    }

    /// <summary>The multiplier applied at each reduction.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement before a reduction.</summary>
    public int Patience { get; }

    /// <summary>The least decrease that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Epochs after a reduction during which bad epochs are not counted.</summary>
    public int Cooldown { get; }

    /// <summary>η_min, the floor.</summary>
    public double MinLearningRate { get; }

    /// <summary>How many times the rate has been reduced so far.</summary>
    public int Reductions { get; private set; }

    /// <inheritdoc />
    public override string Name => "plateau";

    /// <inheritdoc />
    public override string Formula => "η ← max(η · factor, η_min) after patience epochs without improvement";

    /// <inheritdoc />
    public override double LearningRateAt(in ScheduleContext context)
    {
        var eta0 = context.BaseLearningRate;
        return Reductions == 0 ? eta0 : Math.Max(eta0 * DeterministicMath.Pow(Factor, Reductions), Math.Min(MinLearningRate, eta0));
    }

    /// <inheritdoc />
    public override void OnEpochEnd(int epoch, double monitoredValue)
    {
        var inCooldown = _cooldownLeft > 0;
        if (inCooldown)
        {
            _cooldownLeft--;
            _wait = 0;
        }

        // NaN compares false, so a diverged epoch counts as not improved.
        if (monitoredValue < _best - MinDelta)
        {
            _best = monitoredValue;
            _wait = 0;
        }
        else if (!inCooldown && ++_wait >= Patience)
        {
            Reductions++;
            _wait = 0;
            _cooldownLeft = Cooldown;
        }
    }

    /// <inheritdoc />
    internal override double[] SaveState() => [_best, _wait, _cooldownLeft, Reductions];

    /// <inheritdoc />
    internal override bool RestoreState(double[] state)
    {
        if (state is not [var best, var wait, var cooldownLeft, var reductions]
            || !IsCount(wait) || !IsCount(cooldownLeft) || !IsCount(reductions) || double.IsNaN(best))
        {
            return false;
        }

        (_best, _wait, _cooldownLeft, Reductions) = (best, (int)wait, (int)cooldownLeft, (int)reductions);
        return true;

        static bool IsCount(double x) => x >= 0 && x <= int.MaxValue && x == Math.Floor(x);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        _best = double.PositiveInfinity;
        _wait = 0;
        _cooldownLeft = 0;
        Reductions = 0;
    }
}
