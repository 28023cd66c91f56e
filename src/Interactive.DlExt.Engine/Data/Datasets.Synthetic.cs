namespace Interactive.DlExt;

/// <summary>Seeded synthetic teaching sets: the same arguments always give the same samples.</summary>
public static partial class Datasets
{
    /// <summary>
    /// Interleaved spirals in the plane (the CS231n toy problem): for class k and i = 0..n−1,
    /// r = i/(n−1), θ = 4k + 4r + noise·N(0, 1), x = (r sin θ, r cos θ). Not linearly separable for any class count ≥ 2.
    /// </summary>
    /// <param name="samplesPerClass">Points per arm (≥ 2).</param>
    /// <param name="classes">The number of arms (≥ 2).</param>
    /// <param name="noise">The standard deviation of the angle noise (≥ 0).</param>
    /// <param name="seed">The seed of the noise.</param>
    /// <returns>Features [classes × samplesPerClass, 2], labels by arm.</returns>
    public static Dataset Spirals(int samplesPerClass = 100, int classes = 2, double noise = 0.2, ulong seed = 0)
    {
        Guard.AtLeast(samplesPerClass, 2, "samples per class");
        Guard.AtLeast(classes, 2, "classes");
        Guard.NonNegative(noise, "noise");
        var random = new RandomSource(seed);
        var count = samplesPerClass * classes;
        var x = new float[count * 2];
        var y = new float[count];
        for (var k = 0; k < classes; k++)
        {
            for (var i = 0; i < samplesPerClass; i++)
            {
                var n = (k * samplesPerClass) + i;
                var r = (double)i / (samplesPerClass - 1);
                var theta = (4.0 * k) + (4.0 * r) + (noise * random.NextGaussian());
                x[2 * n] = (float)(r * DeterministicMath.Sin(theta));
                x[(2 * n) + 1] = (float)(r * DeterministicMath.Cos(theta));
                y[n] = k;
            }
        }

        return new Dataset(new Tensor(x, count, 2), new Tensor(y, count), classes, null, "spirals");
    }

    /// <summary>
    /// Two interleaving half circles (as scikit-learn's make_moons): ⌊count/2⌋ points of class 0 on
    /// (cos t, sin t) and the rest of class 1 on (1 − cos t, 0.5 − sin t), t evenly spaced in [0, π],
    /// plus noise·N(0, 1) on each coordinate.
    /// </summary>
    /// <param name="count">The number of points (≥ 4).</param>
    /// <param name="noise">The standard deviation of the coordinate noise (≥ 0).</param>
    /// <param name="seed">The seed of the noise.</param>
    public static Dataset Moons(int count = 200, double noise = 0.1, ulong seed = 0)
    {
        Guard.AtLeast(count, 4, "count");
        Guard.NonNegative(noise, "noise");
        var random = new RandomSource(seed);
        var outer = count / 2;
        var inner = count - outer;
        var x = new float[count * 2];
        var y = new float[count];
        for (var n = 0; n < count; n++)
        {
            var isOuter = n < outer;
            var i = isOuter ? n : n - outer;
            var t = Math.PI * i / ((isOuter ? outer : inner) - 1);
            var px = isOuter ? DeterministicMath.Cos(t) : 1 - DeterministicMath.Cos(t);
            var py = isOuter ? DeterministicMath.Sin(t) : 0.5 - DeterministicMath.Sin(t);
            x[2 * n] = (float)(px + (noise * random.NextGaussian()));
            x[(2 * n) + 1] = (float)(py + (noise * random.NextGaussian()));
            y[n] = isOuter ? 0 : 1;
        }

        return new Dataset(new Tensor(x, count, 2), new Tensor(y, count), 2, null, "moons");
    }

    /// <summary>
    /// The XOR problem: points uniform in [−1, 1]², class 1 where the two coordinates have opposite signs
    /// (x₁·x₂ &lt; 0), class 0 otherwise; the label is taken from the clean point, then noise·N(0, 1) is added
    /// to each coordinate, so noise blurs the boundary. The classic problem a single linear layer cannot solve.
    /// </summary>
    /// <param name="count">The number of points (≥ 4).</param>
    /// <param name="noise">The standard deviation of the coordinate noise (≥ 0).</param>
    /// <param name="seed">The seed of the points and the noise.</param>
    public static Dataset Xor(int count = 200, double noise = 0.1, ulong seed = 0)
    {
        Guard.AtLeast(count, 4, "count");
        Guard.NonNegative(noise, "noise");
        var random = new RandomSource(seed);
        var x = new float[count * 2];
        var y = new float[count];
        for (var n = 0; n < count; n++)
        {
            var a = (2 * random.NextDouble()) - 1;
            var b = (2 * random.NextDouble()) - 1;
            y[n] = a * b < 0 ? 1 : 0;
            x[2 * n] = (float)(a + (noise * random.NextGaussian()));
            x[(2 * n) + 1] = (float)(b + (noise * random.NextGaussian()));
        }

        return new Dataset(new Tensor(x, count, 2), new Tensor(y, count), 2, null, "xor");
    }

    /// <summary>
    /// A linear regression problem y = X·w + b + ε with X ~ N(0, 1) per feature, ε ~ N(0, noise²), and the
    /// true coefficients of <see cref="LinearRegressionCoefficients"/>: w_j = (−1)^j (j + 1), i.e. 1, −2, 3, −4, …,
    /// and b = 0.5, so a student can compare the learned weights with the truth.
    /// </summary>
    /// <param name="count">The number of samples (≥ 1).</param>
    /// <param name="features">The number of features (≥ 1).</param>
    /// <param name="noise">The standard deviation of ε (≥ 0).</param>
    /// <param name="seed">The seed of X and ε.</param>
    /// <returns>Features [count, features], targets [count, 1].</returns>
    public static Dataset LinearRegression(int count = 200, int features = 1, double noise = 0.1, ulong seed = 0)
    {
        Guard.AtLeast(count, 1, "count");
        Guard.AtLeast(features, 1, "features");
        Guard.NonNegative(noise, "noise");
        var (weights, bias) = LinearRegressionCoefficients(features);
        var random = new RandomSource(seed);
        var x = new float[count * features];
        var y = new float[count];
        for (var n = 0; n < count; n++)
        {
            double sum = bias;
            for (var j = 0; j < features; j++)
            {
                var v = (float)random.NextGaussian();
                x[(n * features) + j] = v;
                sum += (double)weights[j] * v;
            }

            y[n] = (float)(sum + (noise * random.NextGaussian()));
        }

        return new Dataset(new Tensor(x, count, features), new Tensor(y, count, 1), 0, null, "linear regression");
    }

    /// <summary>The true coefficients behind <see cref="LinearRegression"/>: w_j = (−1)^j (j + 1) and b = 0.5.</summary>
    /// <param name="features">The number of features (≥ 1).</param>
    public static (float[] Weights, float Bias) LinearRegressionCoefficients(int features)
    {
        Guard.AtLeast(features, 1, "features");
        var weights = new float[features];
        for (var j = 0; j < features; j++)
        {
            weights[j] = (j % 2 == 0 ? 1 : -1) * (j + 1);
        }

        return (weights, 0.5f);
    }
}
