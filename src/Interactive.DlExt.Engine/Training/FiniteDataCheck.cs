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
    /// <returns>The largest absolute feature value, measured in the same pass (for the advisor's input-scale rule).</returns>
    public static float Require(Dataset data, string role)
    {
        var largest = Require(data.Features.Data, data.Features.ItemLength, data, role, "feature");
        if (!data.IsClassification)
        {
            Require(data.Targets.Data, data.Targets.ItemLength, data, role, "target");
        }

        return largest;
    }

    private static float Require(float[] values, int rowLength, Dataset data, string role, string what)
    {
        var index = FirstNonFinite(values, out var largest);
        if (index < 0)
        {
            return largest;
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

    // The index of the first non-finite value (or −1), and the largest magnitude before it.
    private static int FirstNonFinite(float[] values, out float largest)
    {
        var i = 0;
        largest = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var top = Vector<float>.Zero;
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                // x − x is 0 for every finite x and NaN for NaN and ±∞.
                var v = new Vector<float>(values, i);
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero))
                {
                    break;
                }

                top = Vector.Max(top, Vector.Abs(v));
            }

            for (var lane = 0; lane < Vector<float>.Count; lane++)
            {
                largest = Math.Max(largest, top[lane]);
            }
        }

        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }

            largest = Math.Max(largest, Math.Abs(values[i]));
        }

        return -1;
    }
}
