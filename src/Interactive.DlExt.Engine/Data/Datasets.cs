using System.IO.Compression;

namespace Interactive.DlExt;

/// <summary>
/// Ready-made data sets: the 8×8 digits embedded in the library (works offline), MNIST and Fashion-MNIST
/// (found on disk or downloaded once and cached), and seeded synthetic teaching sets.
/// </summary>
public static partial class Datasets
{
    /// <summary>The ten digit names "0".."9".</summary>
    public static IReadOnlyList<string> DigitClassNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>
    /// scikit-learn's 8×8 handwritten digits (UCI, 1,797 samples, 10 classes), embedded in the library:
    /// features [1797, 1, 8, 8] (or [1797, 64] with <paramref name="flatten"/>) scaled from 0..16 to [0, 1]
    /// by ÷ 16, labels 0..9. Source and licence: Data/Resources/digits.LICENSE.md (CC BY 4.0 data, BSD-3-Clause file).
    /// </summary>
    /// <param name="flatten">Whether samples are vectors of 64 (for dense models) instead of 1×8×8 images.</param>
    public static Dataset Digits(bool flatten = false)
    {
        const string Resource = "Interactive.DlExt.Data.digits.csv.gz";
        using var stream = typeof(Datasets).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource '{Resource}' is missing from the library build.");
        using var unzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(unzip);
        var raw = CsvReader.Parse(reader, "digits.csv.gz (embedded)", new CsvOptions { ClassCount = 10, Name = "digits" });
        var scaled = FeatureScaling.ScaleTo01(raw, 16);
        var features = flatten ? scaled.Features : scaled.Features.Reshape(raw.Count, 1, 8, 8);
        return new Dataset(features, scaled.Targets, 10, DigitClassNames, "digits");
    }
}
