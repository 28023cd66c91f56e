namespace Interactive.DlExt;

/// <summary>
/// Simple rescaling of features, e.g. 8-bit pixels 0..255 to 0..1: x' = x / maximum. Pass the known range
/// of the format (255 for bytes, 16 for the 8×8 digits) rather than a value measured on the data, so that
/// training, validation and test sets are scaled identically.
/// </summary>
public static class FeatureScaling
{
    /// <summary>A new data set with every feature divided by <paramref name="maximum"/> (targets kept).</summary>
    /// <param name="data">The samples.</param>
    /// <param name="maximum">The largest possible value, e.g. 255 for 8-bit images; must be a finite number &gt; 0.</param>
    public static Dataset ScaleTo01(Dataset data, float maximum)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.Positive(maximum, "maximum");
        var result = new Tensor(data.Features.ShapeArray());
        var source = data.Features.Data;

        // Divide rather than multiply by 1/m: the float inverse is inexact for most m, and users check
        // values (255 → 1) by hand.
        for (var i = 0; i < source.Length; i++)
        {
            result.Data[i] = source[i] / maximum;
        }

        return new Dataset(result, data.Targets.Clone(), data.ClassCount, data.ClassNames, data.Name);
    }

    /// <summary>A new data set divided by the largest absolute feature value found in <paramref name="data"/>
    /// (use on the training set, then pass <see cref="MaximumAbsolute"/> of it to <see cref="ScaleTo01"/> for the others).</summary>
    public static Dataset DivideByMaximum(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var maximum = MaximumAbsolute(data);
        return ScaleTo01(data, maximum > 0 ? maximum : 1f);
    }

    /// <summary>The largest absolute feature value in <paramref name="data"/>.</summary>
    public static float MaximumAbsolute(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var maximum = 0f;
        foreach (var v in data.Features.Data)
        {
            maximum = Math.Max(maximum, Math.Abs(v));
        }

        return maximum;
    }
}
