namespace Interactive.DlExt;

/// <summary>
/// Fills a parameter with its starting values from a seeded generator.
/// <c>fanIn</c>/<c>fanOut</c> are the inputs and outputs one weight connects (for a convolution, channels × kernel area).
/// </summary>
public abstract class Initializer
{
    /// <summary>He (Kaiming) normal: N(0, 2/fanIn), the default for ReLU networks (He et al. 2015).</summary>
    public static Initializer HeNormal { get; } = new Gaussian(static (fanIn, _) => Math.Sqrt(2.0 / fanIn), "He normal");

    /// <summary>He (Kaiming) uniform: U(−√(6/fanIn), √(6/fanIn)).</summary>
    public static Initializer HeUniform { get; } = new Uniform(static (fanIn, _) => Math.Sqrt(6.0 / fanIn), "He uniform");

    /// <summary>Glorot (Xavier) uniform: U(−√(6/(fanIn+fanOut)), +…), the default for tanh/sigmoid (Glorot and Bengio 2010).</summary>
    public static Initializer GlorotUniform { get; } = new Uniform(static (fanIn, fanOut) => Math.Sqrt(6.0 / (fanIn + fanOut)), "Glorot uniform");

    /// <summary>Glorot (Xavier) normal: N(0, 2/(fanIn+fanOut)).</summary>
    public static Initializer GlorotNormal { get; } = new Gaussian(static (fanIn, fanOut) => Math.Sqrt(2.0 / (fanIn + fanOut)), "Glorot normal");

    /// <summary>All zeros (biases).</summary>
    public static Initializer Zeros { get; } = new ConstantValue(0f);

    /// <summary>All ones (normalisation scales).</summary>
    public static Initializer Ones { get; } = new ConstantValue(1f);

    /// <summary>A name for summaries.</summary>
    public abstract string Name { get; }

    /// <summary>Every element set to <paramref name="value"/>.</summary>
    public static Initializer Constant(float value) => new ConstantValue(value);

    /// <summary>Fills <paramref name="values"/>.</summary>
    public abstract void Fill(Span<float> values, int fanIn, int fanOut, RandomSource random);

    private sealed class Gaussian(Func<int, int, double> std, string name) : Initializer
    {
        public override string Name => name;

        public override void Fill(Span<float> values, int fanIn, int fanOut, RandomSource random)
        {
            var s = std(Math.Max(1, fanIn), Math.Max(1, fanOut));
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)(random.NextGaussian() * s);
            }
        }
    }

    private sealed class Uniform(Func<int, int, double> limit, string name) : Initializer
    {
        public override string Name => name;

        public override void Fill(Span<float> values, int fanIn, int fanOut, RandomSource random)
        {
            var l = limit(Math.Max(1, fanIn), Math.Max(1, fanOut));
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)(((2 * random.NextDouble()) - 1) * l);
            }
        }
    }

    private sealed class ConstantValue(float value) : Initializer
    {
        public override string Name => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public override void Fill(Span<float> values, int fanIn, int fanOut, RandomSource random) => values.Fill(value);
    }
}
