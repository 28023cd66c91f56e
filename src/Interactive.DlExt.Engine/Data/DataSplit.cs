namespace Interactive.DlExt;

/// <summary>
/// Seeded train/validation(/test) splits. A part gets round(count × fraction) samples (halves round away
/// from zero). With <c>stratified</c> on a classification data set every class is split in the same
/// proportion (largest-remainder apportionment of the part's size over the classes, ties to the lower
/// class index), so a rare class cannot vanish from validation by chance. Regression data is always split
/// uniformly at random. The same seed always gives the same split; each part keeps the original order.
/// </summary>
public static class DataSplit
{
    /// <summary>Splits <paramref name="data"/> into a training and a validation part.</summary>
    /// <param name="data">The samples.</param>
    /// <param name="validationFraction">The share of samples for validation, in (0, 1).</param>
    /// <param name="seed">The seed that picks the samples.</param>
    /// <param name="stratified">Whether each class is split in the same proportion (classification only).</param>
    /// <returns>The training part and the validation part.</returns>
    public static (Dataset Train, Dataset Validation) Split(this Dataset data, double validationFraction, ulong seed, bool stratified = true)
        => HoldOut(data, validationFraction, "validation split", "validation", RandomSource.Derive(seed, 0), stratified);

    /// <summary>Holds out a test set: the parts are named "(train)" and "(test)". Touch the test part once, at the end,
    /// after every choice was made on validation data.</summary>
    /// <param name="data">The samples.</param>
    /// <param name="testFraction">The share of samples for testing, in (0, 1).</param>
    /// <param name="seed">The seed that picks the samples.</param>
    /// <param name="stratified">Whether each class is split in the same proportion (classification only).</param>
    /// <returns>The training part and the test part.</returns>
    public static (Dataset Train, Dataset Test) TrainTest(this Dataset data, double testFraction, ulong seed, bool stratified = true)
    {
        var (train, test) = HoldOut(data, testFraction, "test split", "test", RandomSource.Derive(seed, 1), stratified);
        return (train, test.AsTestSet());
    }

    /// <summary>Splits <paramref name="data"/> into training, validation and test parts.</summary>
    /// <param name="data">The samples.</param>
    /// <param name="validationFraction">The share of all samples for validation, in (0, 1).</param>
    /// <param name="testFraction">The share of all samples for testing, in (0, 1); both shares together stay below 1.</param>
    /// <param name="seed">The seed that picks the samples.</param>
    /// <param name="stratified">Whether each class is split in the same proportion (classification only).</param>
    /// <returns>The training, validation and test parts.</returns>
    public static (Dataset Train, Dataset Validation, Dataset Test) SplitThreeWay(
        this Dataset data, double validationFraction, double testFraction, ulong seed, bool stratified = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(validationFraction, "validation split");
        CheckFraction(testFraction, "test split");
        if (validationFraction + testFraction >= 1)
        {
            throw new DlExtArgumentException("validation split + test split", Guard.Text(validationFraction + testFraction),
                "a total below 1, so that samples remain for training");
        }

        var testCount = PartSize(data.Count, testFraction, "test split");
        var validationCount = PartSize(data.Count, validationFraction, "validation split");
        var all = Enumerable.Range(0, data.Count).ToArray();
        var (test, rest) = Pick(data, all, testCount, RandomSource.Derive(seed, 1), stratified);
        var (validation, train) = Pick(data, rest, validationCount, RandomSource.Derive(seed, 2), stratified);
        CheckNotEmpty(data, train.Length, "validation split + test split", validationFraction + testFraction, "training");
        return (data.Subset(train, PartName(data, "train")),
                data.Subset(validation, PartName(data, "validation")),
                data.Subset(test, PartName(data, "test")).AsTestSet());
    }

    /// <summary>Two-way split: holds out round(count × <paramref name="fraction"/>) samples as the part named
    /// <paramref name="part"/>; the rest is "train".</summary>
    private static (Dataset Train, Dataset HeldOut) HoldOut(
        Dataset data, double fraction, string parameter, string part, RandomSource random, bool stratified)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(fraction, parameter);
        var heldOutCount = PartSize(data.Count, fraction, parameter);
        var all = Enumerable.Range(0, data.Count).ToArray();
        var (heldOut, train) = Pick(data, all, heldOutCount, random, stratified);
        CheckNotEmpty(data, train.Length, parameter, fraction, "training");
        return (data.Subset(train, PartName(data, "train")), data.Subset(heldOut, PartName(data, part)));
    }

    private static void CheckFraction(double fraction, string parameter)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new DlExtArgumentException(parameter, Guard.Text(fraction), "a fraction of the samples in (0, 1), e.g. 0.2");
        }
    }

    /// <summary>How many of <paramref name="count"/> samples a split of <paramref name="fraction"/> holds out:
    /// round(count × fraction), halves rounded up; the rest train. The one rule every split here follows.</summary>
    public static int HeldOutCount(int count, double fraction) => (int)Math.Round(count * fraction, MidpointRounding.AwayFromZero);

    private static int PartSize(int count, double fraction, string parameter)
    {
        var size = HeldOutCount(count, fraction);
        if (size == 0)
        {
            throw new DlExtArgumentException(parameter, Guard.Text(fraction),
                $"a fraction that leaves at least one sample in that part: {Guard.Text(fraction)} of {count} samples rounds to 0");
        }

        return size;
    }

    private static void CheckNotEmpty(Dataset data, int remaining, string parameter, double fraction, string part)
    {
        if (remaining == 0)
        {
            throw new DlExtArgumentException(parameter, Guard.Text(fraction),
                $"a fraction that leaves at least one sample for {part}: '{data.Name}' has only {data.Count} samples");
        }
    }

    private static string PartName(Dataset data, string part) => $"{data.Name} ({part})";

    /// <summary>Picks <paramref name="count"/> of <paramref name="candidates"/>; returns (picked, rest), each ascending.</summary>
    private static (int[] Picked, int[] Others) Pick(Dataset data, int[] candidates, int count, RandomSource random, bool stratified)
    {
        var chosen = new bool[data.Count];
        if (stratified && data.IsClassification)
        {
            var byClass = new List<int>[data.ClassCount];
            for (var c = 0; c < byClass.Length; c++)
            {
                byClass[c] = [];
            }

            foreach (var i in candidates)
            {
                byClass[(int)data.Targets.Data[i]].Add(i);
            }

            var quotas = Apportion(byClass.Select(l => l.Count).ToArray(), count);
            for (var c = 0; c < byClass.Length; c++)
            {
                var members = byClass[c].ToArray();
                random.Shuffle(members.AsSpan());
                for (var k = 0; k < quotas[c]; k++)
                {
                    chosen[members[k]] = true;
                }
            }
        }
        else
        {
            var shuffled = (int[])candidates.Clone();
            random.Shuffle(shuffled.AsSpan());
            for (var k = 0; k < Math.Min(count, shuffled.Length); k++)
            {
                chosen[shuffled[k]] = true;
            }
        }

        return (candidates.Where(i => chosen[i]).ToArray(), candidates.Where(i => !chosen[i]).ToArray());
    }

    /// <summary>Shares <paramref name="total"/> over groups in proportion to their sizes (largest remainder).</summary>
    internal static int[] Apportion(int[] sizes, int total)
    {
        var all = sizes.Sum();
        total = Math.Min(total, all);
        var quotas = new int[sizes.Length];
        var remainders = new double[sizes.Length];
        var given = 0;
        for (var c = 0; c < sizes.Length; c++)
        {
            var exact = all == 0 ? 0 : (double)sizes[c] * total / all;
            quotas[c] = (int)Math.Floor(exact);
            remainders[c] = exact - quotas[c];
            given += quotas[c];
        }

        // Stable sort by descending remainder: ties go to the lower class index, so the result is fixed.
        var order = Enumerable.Range(0, sizes.Length).OrderByDescending(c => remainders[c]).ThenBy(c => c).ToArray();
        for (var k = 0; given < total; k = (k + 1) % order.Length)
        {
            var c = order[k];
            if (quotas[c] < sizes[c])
            {
                quotas[c]++;
                given++;
            }
        }

        return quotas;
    }
}
