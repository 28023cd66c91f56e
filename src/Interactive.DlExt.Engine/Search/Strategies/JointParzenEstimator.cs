namespace Interactive.DlExt.Search;

/// <summary>
/// A Parzen density over several parameters at once (Falkner, Klein and Hutter 2018; Optuna's multivariate TPE): one
/// component per observed trial plus a flat prior, each component a product of a truncated Gaussian per range
/// (in internal coordinates, bandwidth 0.12 · n^(−1/(d+4)) of the range, Scott's rule with a smaller factor than Optuna's 0.2, see
/// <see cref="DefaultBandwidthFactor"/>) and a smoothed one-hot
/// distribution per choice ((1 + w/k)/(1 + w) on the observed value, (w/k)/(1 + w) elsewhere, w the prior weight).
/// A conditional parameter is part of the joint model too: a trial without it contributes the prior for it, and a
/// point where it is switched off is scored without it.
/// Unlike one density per parameter, it keeps which values went together, so "a small learning rate with Adam, a
/// larger one with SGD" survives into the samples.
/// </summary>
internal sealed class JointParzenEstimator
{
    /// <summary>The default factor of the bandwidths, 0.12 · n^(−1/(d+4)) of the range. Optuna's multivariate TPE and BOHB use
    /// 0.2, which with the five good trials of a 50-trial study (γ = 0.1) is 0.15–0.17 of the range in 2–6 dimensions: l(x) is
    /// then nearly as wide as g(x), the candidates are spread over much of the space and l/g barely tells them apart. On the
    /// search benchmark (bench/README.md, seeds 100..299, not the reported ones) 0.12 found better settings at 50 and 100
    /// trials on every objective but Rosenbrock-2, which stayed level (0.30 / 0.30 against 0.28 / 0.32 at 50), and at 10
    /// and 25 on most (e.g. Styblinski–Tang 4-D at 50 trials 25.2 / 21.9 against 33.2 / 32.2, Hartmann-6 0.43 / 0.45
    /// against 0.63 / 0.64); 0.15 was close to 0.12, 0.3 worse everywhere.</summary>
    internal const double DefaultBandwidthFactor = 0.12;

    /// <summary>The default chance that a draw whose choice left its component's value keeps the component's ranges: half
    /// (the other half takes them from the flat prior). Ranges good for one choice are sometimes good for another (the
    /// learning rate of momentum SGD and Adam on the conditional space, where lr/(1 − m) matters) and sometimes not (a
    /// decade apart on the mixed space); both kinds of candidate are offered and the joint l/g picks. Only the flat prior's
    /// (before 2026-12-03 17:00): 52 % of 200 conditional-space studies (seeds 300..499) ended on a wrong optimizer's
    /// plateau at 50 trials, and 28 % of the mixed-space ones; half: 40 % and 30 %; always the trial's: 35 % and 36 %.</summary>
    internal const double DefaultKeepRangesOnSwitch = 0.5;

    private readonly double _keepRangesOnSwitch;

    private readonly SearchParameter[] _parameters;
    private readonly double[] _weights;
    private readonly double[][] _mus;       // [component][parameter] (internal coordinate; unused for choices)
    private readonly double[][] _sigmas;    // [component][parameter]
    private readonly double[][][] _choices; // [component][parameter] → probabilities (choices only)

    /// <param name="parameters">The parameters modelled together.</param>
    /// <param name="observations">The trials' values, oldest first.</param>
    /// <param name="priorWeight">The weight of the flat prior component, against 1 for a recent observation.</param>
    /// <param name="bandwidthFactor">The bandwidths' factor of Scott's rule (<see cref="DefaultBandwidthFactor"/>).</param>
    /// <param name="keepRangesOnSwitch">The chance that a draw whose choice left its component's value keeps the component's
    /// ranges instead of drawing them from the flat prior (<see cref="DefaultKeepRangesOnSwitch"/>).</param>
    public JointParzenEstimator(IReadOnlyList<SearchParameter> parameters, IReadOnlyList<TrialParameters> observations, double priorWeight, double bandwidthFactor = DefaultBandwidthFactor, double keepRangesOnSwitch = DefaultKeepRangesOnSwitch)
    {
        _keepRangesOnSwitch = keepRangesOnSwitch;
        var recency = RecencyWeights(observations.Count);
        _parameters = [.. parameters];
        var n = observations.Count;
        var numericCount = _parameters.Count(p => p is NumericParameter);
        var components = n + 1;
        _weights = new double[components];
        _mus = new double[components][];
        _sigmas = new double[components][];
        _choices = new double[components][][];
        var total = recency.Sum() + priorWeight;
        var scale = bandwidthFactor * Math.Pow(Math.Max(n, 1), -1.0 / (numericCount + 4));
        for (var c = 0; c < components; c++)
        {
            var isPrior = c == n;
            _weights[c] = (isPrior ? priorWeight : recency[c]) / total;
            _mus[c] = new double[_parameters.Length];
            _sigmas[c] = new double[_parameters.Length];
            _choices[c] = new double[_parameters.Length][];
            for (var j = 0; j < _parameters.Length; j++)
            {
                // A conditional parameter a trial did not have is modelled by the prior in that trial's component.
                var flat = isPrior || !observations[c].Has(_parameters[j].Name);
                switch (_parameters[j])
                {
                    case NumericParameter p:
                        var width = p.InternalHigh - p.InternalLow;
                        _mus[c][j] = flat ? (p.InternalLow + p.InternalHigh) / 2 : p.ToInternal(observations[c].Value(p.Name));
                        _sigmas[c][j] = flat ? width : Math.Max(scale * width, width / 100);
                        break;
                    case ChoiceParameter p:
                        var k = p.Values.Count;
                        var probabilities = new double[k];
                        if (flat)
                        {
                            Array.Fill(probabilities, 1.0 / k);
                        }
                        else
                        {
                            Array.Fill(probabilities, priorWeight / k / (1 + priorWeight));
                            probabilities[Math.Max(0, p.IndexOf(observations[c].Value(p.Name)))] += 1 / (1 + priorWeight);
                        }

                        _choices[c][j] = probabilities;
                        break;
                }
            }
        }
    }

    /// <summary>The bandwidth of a component's range (internal coordinates); 0 for a choice.</summary>
    internal double Bandwidth(int component, int parameter) => _sigmas[component][parameter];

    /// <summary>Optuna's weights of observations, oldest first: 1 each for up to 25, beyond that the 25 most recent keep 1
    /// and the older ones ramp up from 1/n, so early random trials fade as the model gathers its own.</summary>
    internal static double[] RecencyWeights(int n)
    {
        const int Flat = 25;
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var ramp = n - Flat;
            weights[i] = i >= ramp ? 1 : ramp == 1 ? 1.0 / n : (1.0 / n) + ((1 - (1.0 / n)) * i / (ramp - 1));
        }

        return weights;
    }

    /// <summary>A draw: a component by weight, then each parameter from it (see the comment on ranges below). Values are
    /// internal coordinates for ranges and value indices for choices.</summary>
    public double[] Sample(RandomSource random)
    {
        var c = ParzenDraws.Pick(_weights, random);
        var x = new double[_parameters.Length];

        // Choices first: a choice drawn away from the component's own value leaves that trial's neighbourhood, so the
        // ranges are then drawn, half the time, from the flat prior instead of around values that were good for another
        // choice (on the mixed space a learning rate good for SGD says nothing about Adam's; on the conditional one it does).
        var numericFrom = c;
        for (var j = 0; j < _parameters.Length; j++)
        {
            if (_parameters[j] is ChoiceParameter)
            {
                x[j] = ParzenDraws.Pick(_choices[c][j], random);
                var own = _choices[c][j];
                if (own[(int)x[j]] < own.Max() && (_keepRangesOnSwitch == 0 || random.NextDouble() >= _keepRangesOnSwitch))
                {
                    numericFrom = _weights.Length - 1;
                }
            }
        }

        for (var j = 0; j < _parameters.Length; j++)
        {
            if (_parameters[j] is NumericParameter p)
            {
                x[j] = ParzenDraws.Truncated(_mus[numericFrom][j], _sigmas[numericFrom][j], p.InternalLow, p.InternalHigh, random);
            }
        }

        return x;
    }

    /// <summary>log p(x) of the mixture, summed in log space.</summary>
    public double LogDensity(double[] x)
    {
        var active = Active(x);
        var terms = new double[_weights.Length];
        for (var c = 0; c < _weights.Length; c++)
        {
            var log = Math.Log(_weights[c]);
            for (var j = 0; j < _parameters.Length; j++)
            {
                if (!active[j])
                {
                    continue;
                }

                if (_parameters[j] is NumericParameter p)
                {
                    double mu = _mus[c][j], sigma = _sigmas[c][j];
                    var z = (x[j] - mu) / sigma;
                    var mass = Normal.Cdf((p.InternalHigh - mu) / sigma) - Normal.Cdf((p.InternalLow - mu) / sigma);
                    log += (-0.5 * z * z) - Math.Log(sigma * Math.Sqrt(2 * Math.PI) * Math.Max(mass, 1e-12));
                }
                else
                {
                    log += Math.Log(_choices[c][j][(int)x[j]]);
                }
            }

            terms[c] = log;
        }

        var max = terms.Max();
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    /// <summary>Which parameters a point has: a conditional one only when its parent's drawn value switches it on.</summary>
    private bool[] Active(double[] x)
    {
        var assigned = new Dictionary<string, object>(StringComparer.Ordinal);
        var active = new bool[_parameters.Length];
        var values = Values(x).ToArray();
        for (var j = 0; j < _parameters.Length; j++)
        {
            active[j] = _parameters[j].IsActive(assigned);
            if (active[j])
            {
                assigned[_parameters[j].Name] = values[j].Value;
            }
        }

        return active;
    }

    /// <summary>The parameter values of a point drawn by <see cref="Sample"/>.</summary>
    public IEnumerable<KeyValuePair<string, object>> Values(double[] x)
    {
        for (var j = 0; j < _parameters.Length; j++)
        {
            var value = _parameters[j] switch
            {
                NumericParameter p => p.FromInternal(x[j]),
                ChoiceParameter p => p.Values[(int)x[j]],
                _ => throw new InvalidOperationException("unknown parameter kind"),
            };
            yield return new(_parameters[j].Name, value);
        }
    }
}
