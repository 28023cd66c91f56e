namespace Interactive.DlExt.Search;

/// <summary>
/// A Gaussian process with a Matérn-5/2 kernel with one length scale per coordinate (ARD), a signal variance and a
/// noise variance, all fitted by maximising the log marginal likelihood (Rasmussen and Williams 2006, §5.4) with
/// Adam on their logarithms, within bounds, from a fixed start, so the fit is a deterministic function of the data.
/// Observations are standardised (zero mean, unit variance) before fitting; predictions are in the original units.
/// </summary>
internal sealed class GaussianProcess
{
    private const int FitIterations = 80;
    private const double FitRate = 0.08;
    private static readonly double Sqrt5 = Math.Sqrt(5);

    // Bounds of the log hyperparameters: length scales on the unit cube, variances of standardised values.
    private const double MinLogLength = -4.6, MaxLogLength = 2.3;     // 0.01 … 10
    private const double MinLogSignal = -3, MaxLogSignal = 3;         // 0.05 … 20
    private const double MinLogNoise = -13.8, MaxLogNoise = 0;        // 1e-6 … 1

    private readonly double[][] _x;
    private readonly double _mean;
    private readonly double _scale;
    private readonly double[] _lengths;
    private readonly double _signal;
    private readonly Cholesky _factor;
    private readonly double[] _alpha;

    private GaussianProcess(double[][] x, double mean, double scale, double[] lengths, double signal, Cholesky factor, double[] alpha, double logLikelihood, double noise)
    {
        _x = x;
        _mean = mean;
        _scale = scale;
        _lengths = lengths;
        _signal = signal;
        _factor = factor;
        _alpha = alpha;
        LogMarginalLikelihood = logLikelihood;
        Noise = noise;
    }

    /// <summary>The fitted length scale of each coordinate.</summary>
    public IReadOnlyList<double> LengthScales => _lengths;

    /// <summary>The fitted signal variance (of standardised values).</summary>
    public double SignalVariance => _signal;

    /// <summary>The fitted noise variance (of standardised values).</summary>
    public double Noise { get; }

    /// <summary>The log marginal likelihood of the standardised observations at the fitted hyperparameters.</summary>
    public double LogMarginalLikelihood { get; }

    /// <summary>The log marginal likelihood of the observations in their own units: that of the standardised ones less
    /// n log(scale), the Jacobian of standardising.</summary>
    public double LogEvidence => LogMarginalLikelihood - (_x.Length * Math.Log(_scale));

    /// <summary>Fits the process to points <paramref name="x"/> (each of the same dimension) and values <paramref name="y"/>.</summary>
    public static GaussianProcess Fit(double[][] x, double[] y)
    {
        var n = y.Length;
        var mean = y.Average();
        var variance = y.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, n);
        var scale = variance > 1e-300 ? Math.Sqrt(variance) : 1;
        var z = y.Select(v => (v - mean) / scale).ToArray();
        var d = x.Length == 0 ? 0 : x[0].Length;

        // θ = (log ℓ₁ … log ℓ_d, log σ², log σₙ²), started at ℓ = 0.5, σ² = 1, σₙ² = 1e-3.
        var theta = new double[d + 2];
        Array.Fill(theta, Math.Log(0.5), 0, d);
        theta[d] = 0;
        theta[d + 1] = Math.Log(1e-3);
        var m = new double[theta.Length];
        var v = new double[theta.Length];
        var best = (Theta: (double[])theta.Clone(), Value: double.NegativeInfinity);
        for (var iteration = 1; iteration <= FitIterations; iteration++)
        {
            var (value, gradient) = LikelihoodAndGradient(x, z, theta);
            if (value > best.Value)
            {
                best = ((double[])theta.Clone(), value);
            }

            if (gradient is null)
            {
                break;
            }

            for (var j = 0; j < theta.Length; j++)
            {
                // Adam ascent on the log hyperparameters.
                m[j] = (0.9 * m[j]) + (0.1 * gradient[j]);
                v[j] = (0.999 * v[j]) + (0.001 * gradient[j] * gradient[j]);
                var step = FitRate * (m[j] / (1 - Math.Pow(0.9, iteration))) / (Math.Sqrt(v[j] / (1 - Math.Pow(0.999, iteration))) + 1e-8);
                theta[j] = Clamp(theta[j] + step, j, d);
            }
        }

        var final = best.Theta;
        var lengths = final.Take(d).Select(Math.Exp).ToArray();
        var signal = Math.Exp(final[d]);
        var noise = Math.Exp(final[d + 1]);
        var factor = Factor(x, lengths, signal, noise, out _) ?? Factor(x, lengths, signal, Math.Max(noise, 1e-2), out _)!;
        var alpha = factor.Solve(z);
        return new GaussianProcess(x, mean, scale, lengths, signal, factor, alpha, best.Value, noise);
    }

    /// <summary>The predicted mean and standard deviation at <paramref name="point"/>, in the original units.</summary>
    public (double Mean, double Deviation) Predict(ReadOnlySpan<double> point)
    {
        var n = _x.Length;
        var k = new double[n];
        for (var i = 0; i < n; i++)
        {
            k[i] = Kernel(_x[i], point, _lengths, _signal);
        }

        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            mean += k[i] * _alpha[i];
        }

        var w = _factor.SolveLower(k);
        var variance = _signal;
        foreach (var value in w)
        {
            variance -= value * value;
        }

        return (_mean + (_scale * mean), _scale * Math.Sqrt(Math.Max(variance, 1e-12)));
    }

    /// <summary>Matérn 5/2: σ² (1 + √5 r + 5r²/3) e^(−√5 r), r the ARD-scaled distance.</summary>
    internal static double Kernel(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double[] lengths, double signal)
    {
        var r2 = 0.0;
        for (var j = 0; j < lengths.Length; j++)
        {
            var t = (a[j] - b[j]) / lengths[j];
            r2 += t * t;
        }

        var r = Math.Sqrt(r2);
        return signal * (1 + (Sqrt5 * r) + (5.0 / 3 * r2)) * Math.Exp(-Sqrt5 * r);
    }

    private static double Clamp(double value, int j, int d) =>
        j < d ? Math.Clamp(value, MinLogLength, MaxLogLength)
        : j == d ? Math.Clamp(value, MinLogSignal, MaxLogSignal)
        : Math.Clamp(value, MinLogNoise, MaxLogNoise);

    private static Cholesky? Factor(double[][] x, double[] lengths, double signal, double noise, out double[] kernel)
    {
        var n = x.Length;
        kernel = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = Kernel(x[i], x[j], lengths, signal);
                kernel[(i * n) + j] = value;
                kernel[(j * n) + i] = value;
            }
        }

        var a = (double[])kernel.Clone();
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] += noise + 1e-9;
        }

        return Cholesky.TryFactor(a, n);
    }

    /// <summary>log p(z | θ) = −½ zᵀK⁻¹z − ½ log|K| − (n/2) log 2π and its gradient ½ tr((ααᵀ − K⁻¹) ∂K/∂θⱼ).</summary>
    internal static (double Value, double[]? Gradient) LikelihoodAndGradient(double[][] x, double[] z, double[] theta)
    {
        var n = z.Length;
        var d = theta.Length - 2;
        var lengths = theta.Take(d).Select(Math.Exp).ToArray();
        var signal = Math.Exp(theta[d]);
        var noise = Math.Exp(theta[d + 1]);
        var factor = Factor(x, lengths, signal, noise, out var kernel);
        if (factor is null)
        {
            return (double.NegativeInfinity, null);
        }

        var alpha = factor.Solve(z);
        var value = -0.5 * z.Select((zi, i) => zi * alpha[i]).Sum() - (0.5 * factor.LogDeterminant()) - (0.5 * n * Math.Log(2 * Math.PI));
        var inverse = factor.Inverse();
        var gradient = new double[theta.Length];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                var w = (alpha[i] * alpha[k]) - inverse[(i * n) + k];
                var kernelValue = kernel[(i * n) + k];
                gradient[d] += w * kernelValue;             // ∂K/∂log σ² = K_f
                if (i == k)
                {
                    gradient[d + 1] += w * noise;           // ∂K/∂log σₙ² = σₙ² I
                }
                else
                {
                    // ∂k/∂log ℓⱼ = σ² (5/3)(1 + √5 r) e^(−√5 r) (Δⱼ/ℓⱼ)².
                    var r2 = 0.0;
                    for (var j = 0; j < d; j++)
                    {
                        var t = (x[i][j] - x[k][j]) / lengths[j];
                        r2 += t * t;
                    }

                    var r = Math.Sqrt(r2);
                    var common = w * signal * (5.0 / 3) * (1 + (Sqrt5 * r)) * Math.Exp(-Sqrt5 * r);
                    for (var j = 0; j < d; j++)
                    {
                        var t = (x[i][j] - x[k][j]) / lengths[j];
                        gradient[j] += common * t * t;
                    }
                }
            }
        }

        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] *= 0.5;
        }

        return (value, gradient);
    }
}
