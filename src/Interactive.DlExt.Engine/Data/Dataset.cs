namespace Interactive.DlExt;

/// <summary>
/// An in-memory data set: features [count, …] and targets (class indices as floats, [count], for
/// classification; values [count, …] for regression).
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed class Dataset
{
    /// <summary>Creates a data set; <paramref name="classCount"/> &gt; 0 marks it as classification and checks the labels.</summary>
    public Dataset(Tensor features, Tensor targets, int classCount = 0, IReadOnlyList<string>? classNames = null, string name = "data")
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.Rank < 2)
        {
            throw new DlExtArgumentException("features", Tensor.Describe(features.Shape), "a shape [count, …] with at least 2 dimensions");
        }

        if (targets.BatchSize != features.BatchSize || targets.Rank < 1)
        {
            throw new DlExtArgumentException("targets", Tensor.Describe(targets.Shape), $"a first dimension of {features.BatchSize}, one target per sample");
        }

        Guard.AtLeast(classCount, 0, nameof(classCount));
        if (classCount > 0)
        {
            if (targets.Rank != 1)
            {
                throw new DlExtArgumentException("targets", Tensor.Describe(targets.Shape), "one class index per sample, shape [count]");
            }

            for (var i = 0; i < targets.Length; i++)
            {
                var label = targets.Data[i];
                if (label < 0 || label >= classCount || label != MathF.Floor(label))
                {
                    throw new DlExtArgumentException("label", $"{label} (sample {i})", $"an integer class index in [0, {classCount - 1}]");
                }
            }
        }

        if (classNames is not null && classNames.Count != classCount)
        {
            throw new DlExtArgumentException(nameof(classNames), $"{classNames.Count} names", $"{classCount} names, one per class");
        }

        Features = features;
        Targets = targets;
        ClassCount = classCount;
        ClassNames = classNames ?? Enumerable.Range(0, classCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Name = name;
    }

    /// <summary>The inputs, [count, …].</summary>
    public Tensor Features { get; }

    /// <summary>The targets, [count] (class indices) or [count, …].</summary>
    public Tensor Targets { get; }

    /// <summary>The number of samples.</summary>
    public int Count => Features.BatchSize;

    /// <summary>The number of classes (0 for regression).</summary>
    public int ClassCount { get; }

    /// <summary>Whether targets are class indices.</summary>
    public bool IsClassification => ClassCount > 0;

    /// <summary>A name per class.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>A display name, e.g. "digits (train)".</summary>
    public string Name { get; }

    /// <summary>Whether these samples are test data (made by <see cref="DataSplit.TrainTest"/>, <see cref="DataSplit.SplitThreeWay"/>,
    /// a <c>train: false</c> image set, or <see cref="AsTestSet"/>): every use of them is recorded in <see cref="TestAccesses"/>
    /// and in the run manifests, so a grader can see the test set was touched once.</summary>
    public bool IsTest => _testLog is not null;

    /// <summary>The uses of this test set so far (of any view of it), in order; empty for other data.</summary>
    public IReadOnlyList<TestSetAccess> TestAccesses => _testLog?.Accesses ?? [];

    private TestSetLog? _testLog;

    /// <summary>The same samples marked as test data (data shared); a data set already marked is returned as is.</summary>
    public Dataset AsTestSet() => IsTest ? this : Derived(new Dataset(Features, Targets, ClassCount, ClassNames, Name), new TestSetLog());

    /// <summary>Records one use of this data if it is a test set.</summary>
    internal void RecordTestAccess(string purpose) => _testLog?.Record(Name, purpose);

    private static Dataset Derived(Dataset view, TestSetLog? log)
    {
        view._testLog = log;
        return view;
    }

    /// <summary>The shape of one sample.</summary>
    public int[] ItemShape => Features.ItemShape();

    /// <summary>A new data set with the samples at <paramref name="indices"/>, in that order (data copied).</summary>
    public Dataset Subset(IReadOnlyList<int> indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var fl = Features.ItemLength;
        var tl = Targets.ItemLength;
        var f = new float[indices.Count * fl];
        var t = new float[indices.Count * tl];
        for (var i = 0; i < indices.Count; i++)
        {
            var src = indices[i];
            if ((uint)src >= (uint)Count)
            {
                throw new DlExtArgumentException(nameof(indices), src.ToString(System.Globalization.CultureInfo.InvariantCulture), $"an index in [0, {Count - 1}]");
            }

            Array.Copy(Features.Data, src * fl, f, i * fl, fl);
            Array.Copy(Targets.Data, src * tl, t, i * tl, tl);
        }

        var fShape = Features.ShapeArray();
        fShape[0] = indices.Count;
        var tShape = Targets.ShapeArray();
        tShape[0] = indices.Count;
        return Derived(new Dataset(new Tensor(f, fShape), new Tensor(t, tShape), ClassCount, ClassNames, name ?? Name), _testLog);
    }

    /// <summary>The same samples with each one flattened to a vector ([count, C·H·W]); the data is shared, not copied.</summary>
    public Dataset Flatten() =>
        Features.Rank == 2 ? this : Derived(new Dataset(Features.Reshape(Count, Features.ItemLength), Targets, ClassCount, ClassNames, Name), _testLog);

    /// <summary>The same samples under another display name (data shared).</summary>
    public Dataset WithName(string name) => Derived(new Dataset(Features, Targets, ClassCount, ClassNames, name), _testLog);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {Count} samples of {Tensor.Describe(ItemShape)}" + (IsClassification ? $", {ClassCount} classes" : string.Empty);
}
