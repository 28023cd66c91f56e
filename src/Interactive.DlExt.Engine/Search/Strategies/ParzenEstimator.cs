namespace Interactive.DlExt.Search;

/// <summary>
/// A one-dimensional Parzen window density on [low, high] (Bergstra et al. 2011): a mixture of Gaussians
/// truncated to the interval, one per observation plus a wide prior N((low+high)/2, high−low). Each
/// observation's bandwidth is the larger distance to its sorted neighbours (the interval edges at the ends),
/// clipped to [(high−low)/min(100, n+1), high−low], so dense regions get narrow kernels.
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly double _low;
    private readonly double _high;
    private readonly double[] _mus;
    private readonly double[] _sigmas;
    private readonly double[] _weights;
    private readonly double[] _mass;

    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high, double priorWeight)
    {
        _low = low;
        _high = high;
        var width = high - low;
        var mus = observations.Append((low + high) / 2).ToArray();
        var isPrior = observations.Select(_ => false).Append(true).ToArray();
        Array.Sort(mus, isPrior);
        var n = mus.Length;
        var minSigma = width / Math.Min(100.0, n);
        _mus = mus;
        _sigmas = new double[n];
        _weights = new double[n];
        _mass = new double[n];
        var total = observations.Count + priorWeight;
        for (var i = 0; i < n; i++)
        {
            if (isPrior[i])
            {
                _sigmas[i] = width;
                _weights[i] = priorWeight / total;
            }
            else
            {
                var left = mus[i] - (i > 0 ? mus[i - 1] : low);
                var right = (i < n - 1 ? mus[i + 1] : high) - mus[i];
                _sigmas[i] = Math.Clamp(Math.Max(left, right), minSigma, width);
                _weights[i] = 1 / total;
            }

            _mass[i] = Normal.Cdf((high - _mus[i]) / _sigmas[i]) - Normal.Cdf((low - _mus[i]) / _sigmas[i]);
        }
    }

    /// <summary>A draw: pick a component by weight, then sample its Gaussian inside [low, high].</summary>
    public double Sample(RandomSource random)
    {
        var k = ParzenDraws.Pick(_weights, random);
        return ParzenDraws.Truncated(_mus[k], _sigmas[k], _low, _high, random);
    }

    /// <summary>log p(x) of the truncated mixture.</summary>
    public double LogDensity(double x)
    {
        double p = 0;
        for (var i = 0; i < _mus.Length; i++)
        {
            var z = (x - _mus[i]) / _sigmas[i];
            p += _weights[i] * Math.Exp(-0.5 * z * z) / (_sigmas[i] * Math.Sqrt(2 * Math.PI) * Math.Max(_mass[i], 1e-12));
        }

        return Math.Log(Math.Max(p, 1e-300));
    }
}
