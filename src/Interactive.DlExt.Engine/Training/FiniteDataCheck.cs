using System.Globalization;
using System.Numerics;

namespace Interactive.DlExt;

/// <summary>
/// Refuses data with a NaN or infinite value before any step runs, naming the row and column, so a hole in the data
/// is not mistaken for a divergence ("try a smaller learning rate"). One vectorised pass per data set and run.
/// </summary>
internal static class FiniteDataCheck
{
    /// <summary>Throws if a feature (or a regression target) of <paramref name="data"/> is not finite.</summary>
    /// <param name="data">The data set as the user passed it (rows are its own indices).</param>
    /// <param name="role">"training data", "validation data", "evaluation data".</param>
    public static void Require(Dataset data, string role)
    {
        Require(data.Features.Data, data.Features.ItemLength, data, role, "feature");
        if (!data.IsClassification)
        {
            Require(data.Targets.Data, data.Targets.ItemLength, data, role, "target");
        }
    }

    private static void Require(float[] values, int rowLength, Dataset data, string role, string what)
    {
        var index = FirstNonFinite(values);
        if (index < 0)
        {
            return;
        }

        var value = values[index];
        var text = float.IsNaN(value) ? "NaN" : float.IsPositiveInfinity(value) ? "∞" : "−∞";
        var row = index / Math.Max(1, rowLength);
        var column = index % Math.Max(1, rowLength);
        throw new DlExtArgumentException(
            $"{role} '{data.Name}'",
            string.Create(CultureInfo.InvariantCulture, $"{text} in {what} row {row}, column {column} (counted from 0)"),
            "finite numbers only; drop or impute the missing values before training");
    }

    private static int FirstNonFinite(float[] values)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // x − x is 0 for every finite x and NaN for NaN and ±∞.
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(values, i);
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero))
                {
                    break;
                }
            }
        }

        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
