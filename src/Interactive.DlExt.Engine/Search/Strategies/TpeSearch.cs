namespace Interactive.DlExt.Search;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio and Kégl 2011, "Algorithms for
/// Hyper-Parameter Optimization"). After <see cref="StartupTrials"/> random trials, the completed trials are
/// split at the γ quantile of their values into good (the best ⌈γ·n⌉, at most <see cref="MaxGoodTrials"/>)
/// and bad; per parameter, l(x) is a Parzen density of the good values and g(x) of the bad ones (Gaussian
/// mixtures with adaptive bandwidths, in log(x) for log ranges; for choices a mixture of smoothed one-hot
/// distributions, one per trial, as Optuna's). <see cref="Candidates"/> values are drawn from l and
/// the one with the largest l(x)/g(x) is used. Parameters are modelled independently, or, with
/// <see cref="Multivariate"/>, jointly (<see cref="JointParzenEstimator"/>, as Optuna's <c>multivariate=True</c>, with
/// conditional parameters included) so that values that worked together are drawn together, half of the candidates then
/// drawn one parameter at a time so that good values of different trials can also meet; without it a
/// conditional parameter is modelled from the trials where it was active. Trials still running count as bad ones (a constant liar, as
/// Optuna's <c>constant_liar</c>), so parallel workers do not all ask for the same region.
/// Trial n's suggestion depends on the study seed, n, and the trials completed when n was asked: with
/// parallel workers that set depends on timing, so TPE runs are reproducible only with parallelism 1.
/// </summary>
public sealed class TpeSearch : SearchStrategy
{
    /// <summary>Creates a TPE search.</summary>
    /// <param name="startupTrials">Random trials before modelling starts. The default is 10; <see cref="Sweep.CreateStrategy"/>
    /// scales it to the budget with <see cref="Search.StartupTrials.For"/>.</param>
    /// <param name="candidates">Draws from l(x) per parameter. The default is 24.</param>
    /// <param name="gamma">The fraction of trials called good. The default is <see cref="DefaultGamma"/>.</param>
    /// <param name="maxGoodTrials">The most trials called good. The default is 25.</param>
    /// <param name="priorWeight">Pseudo-count weight of the flat prior. The default is 1.</param>
    /// <param name="multivariate">Whether the unconditional parameters are modelled jointly. The default is true: on the
    /// search benchmark (bench/README.md) the joint model found better settings than one density per parameter on every
    /// objective, several times better on mixed learning-rate / batch-size / optimizer spaces.</param>
    public TpeSearch(int startupTrials = Search.StartupTrials.Maximum, int candidates = 24, double gamma = DefaultGamma, int maxGoodTrials = 25, double priorWeight = 1.0, bool multivariate = true)
    {
        Multivariate = multivariate;
        StartupTrials = Guard.AtLeast(startupTrials, 0, nameof(startupTrials));
        Candidates = Guard.AtLeast(candidates, 1, nameof(candidates));
        Gamma = Guard.Between(gamma, 0, 1, nameof(gamma));
        MaxGoodTrials = Guard.AtLeast(maxGoodTrials, 1, nameof(maxGoodTrials));
        PriorWeight = Guard.Positive(priorWeight, nameof(priorWeight));
    }

    /// <summary>The default fraction of trials called good, Optuna's 0.1 (Bergstra et al. used 0.25). On the search benchmark
    /// (bench/README.md, seeds 100..299, 50 trials) 0.2 found better settings on the five numeric objectives (Styblinski–Tang
    /// 4-D 27.9 against 32.3, Rosenbrock 4-D 7.5 against 10.4) but left the mixed learning-rate / optimizer space on a wrong
    /// optimizer in 43 % of the studies against 33 %: a larger good set shrinks the flat prior's share of l(x), through
    /// which the other choices are tried again.</summary>
    public const double DefaultGamma = 0.1;

    /// <summary>The default share of the joint model's candidates drawn from one density per parameter: half. Scored by the
    /// joint l/g like the others, they recombine values of different good trials (x₁ of one, x₂ of another), which the
    /// joint model alone proposes only through its flat prior; on separable functions such as Styblinski–Tang that is
    /// where the better points are.</summary>
    internal const double DefaultUnivariateShare = 0.5;

    /// <summary>Random trials before modelling starts.</summary>
    public int StartupTrials { get; }

    /// <summary>Draws from l(x) per parameter.</summary>
    public int Candidates { get; }

    /// <summary>The fraction of trials called good.</summary>
    public double Gamma { get; }

    /// <summary>The most trials called good.</summary>
    public int MaxGoodTrials { get; }

    /// <summary>Pseudo-count weight of the flat prior.</summary>
    public double PriorWeight { get; }

    /// <summary>Whether the unconditional parameters are modelled jointly.</summary>
    public bool Multivariate { get; }

    /// <summary>The share of the joint model's candidates drawn one parameter at a time (<see cref="DefaultUnivariateShare"/>;
    /// the search benchmark sets other values to compare).</summary>
    internal double UnivariateShare { get; init; } = DefaultUnivariateShare;

    /// <summary>The factor of the joint model's bandwidths (<see cref="JointParzenEstimator.DefaultBandwidthFactor"/>; the search
    /// benchmark sets other values to compare).</summary>
    internal double BandwidthFactor { get; init; } = JointParzenEstimator.DefaultBandwidthFactor;

    /// <summary>The chance that a joint draw whose choice left its trial's value keeps that trial's ranges
    /// (<see cref="JointParzenEstimator.DefaultKeepRangesOnSwitch"/>; 0: always the flat prior's, as before 2026-12-03 17:00).</summary>
    internal double KeepRangesOnSwitch { get; init; } = JointParzenEstimator.DefaultKeepRangesOnSwitch;

    /// <inheritdoc />
    public override string Name => "tpe";

    /// <inheritdoc />
    public override int RandomStartupTrials => StartupTrials;

    /// <inheritdoc />
    public override Suggestion Suggest(StudyHistory history, int trialNumber, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(random);
        var completed = history.Completed;
        if (completed.Count < Math.Max(StartupTrials, 2))
        {
            return Suggestion.Ready(SampleRandomly(history.Space, random));
        }

        var ranked = history.Ranked(completed);
        var goodCount = Math.Min(MaxGoodTrials, (int)Math.Ceiling(Gamma * ranked.Count));
        var good = ranked.Take(goodCount).ToArray();
        var running = history.Trials.Where(t => t.State == TrialState.Running && t.Number < trialNumber);
        var bad = ranked.Skip(goodCount).Concat(running).ToArray();
        var joint = Multivariate ? SampleJointly(history.Space, good, bad, random) : null;
        return Suggestion.Ready(SampleSpace(history.Space, (p, _) =>
            joint is not null && joint.TryGetValue(p.Name, out var value) ? value : SampleOne(p, good, bad, random)));
    }

    /// <summary>Every parameter drawn together: the candidate of largest l(x)/g(x) under the joint densities (a conditional
    /// one is used only where its parent's value switches it on). <see cref="UnivariateShare"/> of the candidates are drawn
    /// one parameter at a time from the good trials (<see cref="PerParameter"/>), the rest from the joint l.</summary>
    private Dictionary<string, object>? SampleJointly(SearchSpace space, TrialRecord[] good, TrialRecord[] bad, RandomSource random)
    {
        var parameters = space.Parameters.Where(p => p is NumericParameter or ChoiceParameter).ToArray();
        if (parameters.Length < 2)
        {
            return null;
        }

        var l = new JointParzenEstimator(parameters, [.. good.OrderBy(t => t.Number).Select(t => t.Parameters)], PriorWeight, BandwidthFactor, KeepRangesOnSwitch);
        var g = new JointParzenEstimator(parameters, [.. bad.OrderBy(t => t.Number).Select(t => t.Parameters)], PriorWeight, BandwidthFactor, KeepRangesOnSwitch);
        double[]? best = null;
        var bestScore = double.NegativeInfinity;
        var univariate = (int)Math.Round(UnivariateShare * Candidates);
        var each = univariate > 0 ? PerParameter(parameters, good) : [];
        for (var i = 0; i < Candidates; i++)
        {
            var x = i < univariate ? Array.ConvertAll(each, draw => draw(random)) : l.Sample(random);
            var score = l.LogDensity(x) - g.LogDensity(x);
            if (score > bestScore)
            {
                (best, bestScore) = (x, score);
            }
        }

        return l.Values(best!).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }

    /// <summary>Draws for a candidate of the joint model taken one parameter at a time: each range from a
    /// <see cref="ParzenEstimator"/> of the good trials' values, each choice from <see cref="Smoothed"/>, so one point can
    /// take x₁ from one good trial and x₂ from another. Coordinates as <see cref="JointParzenEstimator.Sample"/>'s.</summary>
    private Func<RandomSource, double>[] PerParameter(SearchParameter[] parameters, TrialRecord[] good) =>
        Array.ConvertAll(parameters, Func<RandomSource, double> (p) =>
        {
            var below = good.Where(t => t.Parameters.Has(p.Name)).Select(t => t.Parameters.Value(p.Name)).ToArray();
            switch (p)
            {
                case NumericParameter n:
                    var density = new ParzenEstimator(below.Select(n.ToInternal).ToArray(), n.InternalLow, n.InternalHigh, PriorWeight);
                    return density.Sample;
                case ChoiceParameter c:
                    var probabilities = Smoothed(c, below);
                    return random => ParzenDraws.Pick(probabilities, random);
                default:
                    throw new InvalidOperationException("unknown parameter kind");
            }
        });

    private object SampleOne(SearchParameter p, TrialRecord[] good, TrialRecord[] bad, RandomSource random)
    {
        var below = good.Where(t => t.Parameters.Has(p.Name)).Select(t => t.Parameters.Value(p.Name)).ToArray();
        var above = bad.Where(t => t.Parameters.Has(p.Name)).Select(t => t.Parameters.Value(p.Name)).ToArray();
        return p switch
        {
            NumericParameter n => SampleNumeric(n, below, above, random),
            ChoiceParameter c => SampleChoice(c, below, above, random),
            _ => p.Sample(random),
        };
    }

    private object SampleNumeric(NumericParameter p, object[] below, object[] above, RandomSource random)
    {
        var l = new ParzenEstimator(below.Select(p.ToInternal).ToArray(), p.InternalLow, p.InternalHigh, PriorWeight);
        var g = new ParzenEstimator(above.Select(p.ToInternal).ToArray(), p.InternalLow, p.InternalHigh, PriorWeight);
        var best = double.NaN;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < Candidates; i++)
        {
            var x = l.Sample(random);
            var score = l.LogDensity(x) - g.LogDensity(x);
            if (score > bestScore)
            {
                (best, bestScore) = (x, score);
            }
        }

        return p.FromInternal(best);
    }

    private object SampleChoice(ChoiceParameter p, object[] below, object[] above, RandomSource random)
    {
        var l = Smoothed(p, below);
        var g = Smoothed(p, above);
        var bestIndex = 0;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < Candidates; i++)
        {
            var j = ParzenDraws.Pick(l, random);
            var score = Math.Log(l[j]) - Math.Log(g[j]);
            if (score > bestScore)
            {
                (bestIndex, bestScore) = (j, score);
            }
        }

        return p.Values[bestIndex];
    }

    /// <summary>Category probabilities as Optuna smooths them: a mixture of one component per observed trial, each
    /// (1 + w/k)/(1 + w) on its value and (w/k)/(1 + w) on every other (w the prior weight), and a uniform prior
    /// component, all weighted equally. A value no good trial has keeps about w/(k(1 + w)) of the mass instead of
    /// (w/k)/(n + w), so one lucky start-up trial cannot lock the choice for the rest of the study.</summary>
    private double[] Smoothed(ChoiceParameter p, object[] seen)
    {
        var k = p.Values.Count;
        var other = PriorWeight / k / (1 + PriorWeight);
        var own = 1 / (1 + PriorWeight);
        var mass = Enumerable.Repeat(1.0 / k, k).ToArray();   // the prior component
        foreach (var value in seen)
        {
            var i = p.IndexOf(value);
            for (var j = 0; j < k; j++)
            {
                mass[j] += other + (j == i ? own : 0);
            }
        }

        return mass.Select(m => m / (seen.Length + 1)).ToArray();
    }
}
