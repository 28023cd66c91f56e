namespace Interactive.DlExt;

/// <summary>
/// Standardisation x' = (x − μ) / σ with μ and σ (population standard deviation) measured on the
/// <b>training</b> set only and then applied unchanged to validation and test sets. Fitting on all the
/// data would let statistics of the held-out samples leak into training, so the validation score would
/// flatter the model; at deployment there is no test set to measure either. A σ below
/// <see cref="MinimumStandardDeviation"/> (a feature that is constant in training, such as an always-blank
/// border pixel) is replaced by 1: the feature is centred but not divided by ≈0, which would blow up any
/// held-out sample where it is not constant. Statistics are summed in double precision in sample order.
/// </summary>
public sealed class Standardizer
{
    private readonly int[] _itemShape;

    private Standardizer(StandardizationScope scope, int[] itemShape, float[] mean, float[] deviation)
    {
        Scope = scope;
        _itemShape = itemShape;
        Mean = mean;
        StandardDeviation = deviation;
    }

    /// <summary>Deviations below this are treated as 1 (see the class remarks).</summary>
    public const double MinimumStandardDeviation = 1e-6;

    /// <summary>How values share statistics.</summary>
    public StandardizationScope Scope { get; }

    /// <summary>The means: one per feature, per channel, or a single one.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>The divisors: one per feature, per channel, or a single one (never below <see cref="MinimumStandardDeviation"/>).</summary>
    public IReadOnlyList<float> StandardDeviation { get; }

    /// <summary>Measures means and deviations on <paramref name="train"/>, which must be the training set only.</summary>
    /// <param name="train">The training samples.</param>
    /// <param name="scope">Which values share statistics. The default is <see cref="StandardizationScope.PerFeature"/>.</param>
    public static Standardizer Fit(Dataset train, StandardizationScope scope = StandardizationScope.PerFeature)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new DlExtArgumentException("train", "0 samples", "at least one sample to measure means and deviations on");
        }

        var itemShape = train.ItemShape;
        if (scope == StandardizationScope.PerChannel && itemShape.Length < 2)
        {
            throw new DlExtArgumentException("scope", "PerChannel", $"samples shaped [channels, …]; '{train.Name}' has samples of {Tensor.Describe(itemShape)}");
        }

        var groups = GroupCount(scope, itemShape);
        var sum = new double[groups];
        var squares = new double[groups];
        var counts = new long[groups];
        var data = train.Features.Data;
        var itemLength = train.Features.ItemLength;
        var channelSize = ChannelSize(itemShape);
        for (var s = 0; s < train.Count; s++)
        {
            var offset = s * itemLength;
            for (var j = 0; j < itemLength; j++)
            {
                var g = Group(scope, channelSize, j);
                double v = data[offset + j];
                sum[g] += v;
                squares[g] += v * v;
                counts[g]++;
            }
        }

        var mean = new float[groups];
        var deviation = new float[groups];
        for (var g = 0; g < groups; g++)
        {
            var m = sum[g] / counts[g];
            var variance = Math.Max(0, (squares[g] / counts[g]) - (m * m));
            var sd = Math.Sqrt(variance);
            mean[g] = (float)m;
            deviation[g] = sd < MinimumStandardDeviation ? 1f : (float)sd;
        }

        return new Standardizer(scope, itemShape, mean, deviation);
    }

    /// <summary>A new data set with standardised features (targets and class names kept).</summary>
    public Dataset Apply(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Dataset(Apply(data.Features), data.Targets.Clone(), data.ClassCount, data.ClassNames, data.Name);
    }

    /// <summary>A new tensor [count, …] with standardised values; the item shape must match the fitted one.</summary>
    public Tensor Apply(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (!features.ItemShape().AsSpan().SequenceEqual(_itemShape))
        {
            throw new DlExtArgumentException("features", Tensor.Describe(features.Shape),
                $"samples of {Tensor.Describe(_itemShape)}, the shape the standardizer was fitted on");
        }

        var result = new Tensor(features.ShapeArray());
        var itemLength = features.ItemLength;
        var channelSize = ChannelSize(_itemShape);
        for (var s = 0; s < features.BatchSize; s++)
        {
            var offset = s * itemLength;
            for (var j = 0; j < itemLength; j++)
            {
                var g = Group(Scope, channelSize, j);
                result.Data[offset + j] = (features.Data[offset + j] - Mean[g]) / StandardDeviation[g];
            }
        }

        return result;
    }

    private static int GroupCount(StandardizationScope scope, int[] itemShape) => scope switch
    {
        StandardizationScope.PerFeature => Tensor.CheckedLength(itemShape),
        StandardizationScope.PerChannel => itemShape[0],
        _ => 1,
    };

    /// <summary>The values per channel (the product of the item dimensions after the first).</summary>
    private static int ChannelSize(int[] itemShape) =>
        itemShape.Length == 0 ? 1 : Tensor.CheckedLength(itemShape) / Math.Max(1, itemShape[0]);

    private static int Group(StandardizationScope scope, int channelSize, int index) => scope switch
    {
        StandardizationScope.PerFeature => index,
        StandardizationScope.PerChannel => index / channelSize,
        _ => 0,
    };
}
