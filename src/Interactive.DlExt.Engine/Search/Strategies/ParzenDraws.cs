namespace Interactive.DlExt.Search;

/// <summary>The two draws every Parzen sampler here makes: an index by weight, and a Gaussian kept inside an interval.</summary>
internal static class ParzenDraws
{
    /// <summary>An index drawn with probability proportional to <paramref name="weights"/> (which sum to 1).</summary>
    public static int Pick(IReadOnlyList<double> weights, RandomSource random)
    {
        var u = random.NextDouble();
        var k = 0;
        for (var acc = weights[0]; k < weights.Count - 1 && u >= acc; acc += weights[++k])
        {
        }

        return k;
    }

    /// <summary>A draw of N(<paramref name="mu"/>, <paramref name="sigma"/>²) inside [<paramref name="low"/>, <paramref name="high"/>]
    /// by rejection (at most 100 tries, then <paramref name="mu"/> clamped into the interval).</summary>
    public static double Truncated(double mu, double sigma, double low, double high, RandomSource random)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var x = mu + (sigma * random.NextGaussian());
            if (x >= low && x <= high)
            {
                return x;
            }
        }

        return Math.Clamp(mu, low, high);
    }
}
