using System.Globalization;

namespace Interactive.DlExt.Search;

/// <summary>
/// Hyperband (Li et al. 2018), as Optuna's <c>HyperbandPruner</c>: several ASHA brackets that trade how many trials
/// are started against how early they are judged. With r = <see cref="MinResource"/>, R = <see cref="MaxResource"/>
/// and η = <see cref="ReductionFactor"/> there are n = ⌊log_η(R/r)⌋ + 1 brackets; bracket b is an
/// <see cref="AshaPruner"/>(r, η, min early stopping rate b), whose first rung is at step r·η^b, so bracket 0 judges
/// earliest and the last bracket only at its one rung. Each trial belongs to one bracket, picked deterministically from
/// the study seed and its number (a hash, weighted by each bracket's budget ⌈n·η^s/(s+1)⌉ with s = n−1−b, as Optuna
/// does), and it is compared only with the trials of its own bracket. Steps are the steps the objective reports (a
/// sweep reports epochs 0, 1, …), as for <see cref="AshaPruner"/>.
/// </summary>
public sealed class HyperbandPruner : Pruner
{
    private const ulong BracketStream = 0x6879_7065_7262_616e; // "hyperban"
    private readonly AshaPruner[] _brackets;
    private readonly int[] _budgets;

    /// <summary>Creates a Hyperband pruner.</summary>
    /// <param name="minResource">r: the first rung of bracket 0. The default is 1.</param>
    /// <param name="maxResource">R: the most steps a trial runs (a sweep's epochs). The default is 10.</param>
    /// <param name="reductionFactor">η: a rung promotes the top 1/η. The default is 3.</param>
    /// <param name="seed">Picks each trial's bracket (a sweep passes its study seed). The default is 0.</param>
    public HyperbandPruner(int minResource = 1, int maxResource = Hyperparameters.DefaultEpochs, int reductionFactor = 3, ulong seed = 0)
    {
        MinResource = Guard.AtLeast(minResource, 1, nameof(minResource));
        MaxResource = Guard.AtLeast(maxResource, minResource, nameof(maxResource));
        ReductionFactor = Guard.AtLeast(reductionFactor, 2, nameof(reductionFactor));
        Seed = seed;
        var brackets = 1;
        for (var r = (long)minResource * reductionFactor; r <= maxResource; r *= reductionFactor)
        {
            brackets++;
        }

        _brackets = Enumerable.Range(0, brackets).Select(b => new AshaPruner(minResource, reductionFactor, b)).ToArray();
        _budgets = Enumerable.Range(0, brackets).Select(b =>
        {
            var s = brackets - 1 - b;
            return (int)Math.Ceiling(brackets * Math.Pow(reductionFactor, s) / (s + 1));
        }).ToArray();
    }

    /// <summary>r: the first rung of bracket 0.</summary>
    public int MinResource { get; }

    /// <summary>R: the most steps a trial runs.</summary>
    public int MaxResource { get; }

    /// <summary>η: a rung promotes the top 1/η.</summary>
    public int ReductionFactor { get; }

    /// <summary>The seed that picks each trial's bracket.</summary>
    public ulong Seed { get; }

    /// <summary>The brackets, bracket b with min early stopping rate b.</summary>
    public IReadOnlyList<AshaPruner> Brackets => _brackets;

    /// <summary>Each bracket's share of the trials (Optuna's trial allocation budget): ⌈n·η^s/(s+1)⌉, s = n−1−b.</summary>
    public IReadOnlyList<int> BracketBudgets => _budgets;

    /// <summary>"hyperband (min resource 1, max resource 10, reduction factor 3, seed 0)": the name and settings, as stored with a study.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"hyperband (min resource {MinResource}, max resource {MaxResource}, reduction factor {ReductionFactor}, seed {Seed})");

    /// <summary>The bracket of trial <paramref name="trialNumber"/>: a hash of the seed and the number, weighted by <see cref="BracketBudgets"/>.</summary>
    public int BracketOf(int trialNumber)
    {
        Guard.AtLeast(trialNumber, 0, nameof(trialNumber));
        var total = (ulong)_budgets.Sum();
        var n = (long)(RandomSource.Derive(Seed ^ BracketStream, (ulong)trialNumber).NextUInt64() % total);
        for (var b = 0; b < _budgets.Length; b++)
        {
            n -= _budgets[b];
            if (n < 0)
            {
                return b;
            }
        }

        return _budgets.Length - 1;
    }

    /// <inheritdoc />
    public override bool ShouldPrune(StudyHistory history, TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(trial);
        var bracket = BracketOf(trial.Number);
        var mates = new StudyHistory(history.Space, history.Direction, history.Trials.Where(t => BracketOf(t.Number) == bracket));
        return _brackets[bracket].ShouldPrune(mates, trial);
    }
}
