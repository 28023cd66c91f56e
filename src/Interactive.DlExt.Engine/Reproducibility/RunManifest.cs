using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interactive.DlExt;

/// <summary>
/// What a run was, in enough detail to re-run it and to tell whether a re-run gave the same bits: the environment,
/// threads and seeds, a fingerprint of every data set, every hyperparameter, the per-epoch numbers and their digest,
/// the final metrics, a hash of the final weights, the uses of any test set, and how the run was asked for.
/// Saved as JSON (<see cref="Save"/>, <see cref="ToJson"/>) and read back (<see cref="Load"/>, <see cref="Parse"/>);
/// numbers are written in round-trip form, so equal files mean equal bits.
/// </summary>
[TypeFormatterSource(TypeFormatterSourceAttribute.DlExtSource)]
public sealed record RunManifest
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The kind of a training run's manifest.</summary>
    public const string TrainingKind = "training";

    /// <summary>The kind of an evaluation's manifest.</summary>
    public const string EvaluationKind = "evaluation";

    /// <summary>The kind of a sweep's manifest.</summary>
    public const string SweepKind = "sweep";

    /// <summary>The format version.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>"training" or "evaluation".</summary>
    public string Kind { get; init; } = TrainingKind;

    /// <summary>How the run was asked for, e.g. the magic line or the dlext command line, when known.</summary>
    public string? Command { get; init; }

    /// <summary>Where it ran.</summary>
    public RunEnvironment Environment { get; init; } = RunEnvironment.Current;

    /// <summary>Compute threads.</summary>
    public int Threads { get; init; }

    /// <summary>The seeds, by what they seed.</summary>
    public IReadOnlyDictionary<string, string> Seeds { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every data set the run read, by content.</summary>
    public IReadOnlyList<DataFingerprint> Data { get; init; } = [];

    /// <summary>Every setting of the run, as text (numbers in round-trip form).</summary>
    public IReadOnlyDictionary<string, string> Hyperparameters { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The numbers of each epoch.</summary>
    public IReadOnlyList<EpochValues> Epochs { get; init; } = [];

    /// <summary>SHA-256 of <see cref="Epochs"/> in round-trip form.</summary>
    public string EpochsSha256 => Digest(Epochs);

    /// <summary>A sweep's trials in order (empty for training and evaluation).</summary>
    public IReadOnlyList<TrialValues> Trials { get; init; } = [];

    /// <summary>The final metrics, as text (numbers in round-trip form).</summary>
    public IReadOnlyDictionary<string, string> FinalMetrics { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>SHA-256 of the final weights and state (float32, little-endian), when a model was involved.</summary>
    public string? WeightsSha256 { get; init; }

    /// <summary>Every use of a test set among the run's data, in order (any earlier uses included).</summary>
    public IReadOnlyList<TestSetAccess> TestAccesses { get; init; } = [];

    /// <summary>The rubric checks run on it (<see cref="Expectations"/>), in order; re-checking replaces a check's result.</summary>
    public IReadOnlyList<ExpectationResult> Checks { get; init; } = [];

    /// <summary>The manifest of a finished training run.</summary>
    public static RunManifest ForTraining(TrainingHistory history, Sequential model, Dataset train, Dataset? validation, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        var s = history.Settings;
        var data = new List<DataFingerprint> { DataFingerprint.Of(train, "train") };
        if (validation is not null)
        {
            data.Add(DataFingerprint.Of(validation, "validation"));
        }

        var settings = Sorted(
            ("model", s.Model), ("parameters", Text(s.ParameterCount)), ("optimizer", s.Optimizer), ("learning rate", Text(s.LearningRate)),
            ("schedule", s.Schedule), ("loss", s.Loss), ("batch size", Text(s.BatchSize)), ("epochs", Text(s.Epochs)),
            ("steps per epoch", Text(s.StepsPerEpoch)), ("l1", Text(s.L1)), ("l2", Text(s.L2)),
            ("clip norm", s.ClipNorm is { } n ? Text(n) : "none"), ("clip value", s.ClipValue is { } v ? Text(v) : "none"));
        if (s.OptimizerSettings is { } o)
        {
            settings["weight decay"] = Text(o.WeightDecay);
            foreach (var (name, value) in new[] { ("momentum", o.Momentum), ("beta1", o.Beta1), ("beta2", o.Beta2), ("rho", o.Rho) })
            {
                if (value is { } x)
                {
                    settings[name] = Text(x);
                }
            }
        }
        var last = history.LastEpoch;
        var metrics = new List<(string, string)> { ("stop", history.StopReason.ToString()), ("epochs run", Text(history.Epochs.Count)) };
        if (last is not null)
        {
            metrics.Add(("train loss", Text(last.TrainLoss)));
            Add(metrics, "train accuracy", last.TrainAccuracy);
            Add(metrics, "validation loss", last.ValidationLoss);
            Add(metrics, "validation accuracy", last.ValidationAccuracy);
        }

        if (history.BestEpoch is { } best)
        {
            metrics.Add(("best epoch", Text(best + 1)));
        }

        return new RunManifest
        {
            Kind = TrainingKind,
            Command = command,
            Threads = s.Threads,
            Seeds = Sorted(("training", Text(s.Seed))),
            Data = data,
            Hyperparameters = settings,
            Epochs = [.. history.Epochs.Select(EpochValues.Of)],
            FinalMetrics = Sorted([.. metrics]),
            WeightsSha256 = WeightsHash(model),
            TestAccesses = Accesses(train, validation),
        };
    }

    /// <summary>The manifest of an evaluation of <paramref name="model"/> on <paramref name="data"/>.</summary>
    public static RunManifest ForEvaluation(EvaluationResult result, Sequential model, Dataset data, string? command = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var metrics = new List<(string, string)> { ("loss", Text(result.Loss)), ("samples", Text(result.Count)) };
        Add(metrics, "accuracy", result.Accuracy);
        return new RunManifest
        {
            Kind = EvaluationKind,
            Command = command,
            Data = [DataFingerprint.Of(data, "evaluation")],
            Hyperparameters = Sorted(("loss", result.LossName)),
            FinalMetrics = Sorted([.. metrics]),
            WeightsSha256 = WeightsHash(model),
            TestAccesses = Accesses(data),
        };
    }

    /// <summary>SHA-256 of a model's trainable values and state, float32 little-endian.</summary>
    public static string WeightsHash(Sequential model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(model.Store.Values.AsSpan()));
        sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(model.Store.State.AsSpan()));
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The manifest as indented JSON.</summary>
    public string ToJson() => RunManifestJson.Write(this);

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    /// <exception cref="DlExtArgumentException">Not a manifest, or one of another format version.</exception>
    public static RunManifest Parse(string json) => RunManifestJson.Read(json, "manifest");

    /// <summary>Writes the manifest to <paramref name="path"/> atomically (all or nothing).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = Encoding.UTF8.GetBytes(ToJson());
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Reads a manifest file.</summary>
    /// <exception cref="DlExtFileException">The file cannot be read or is not a manifest.</exception>
    public static RunManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DlExtFileException(path, "cannot be read: " + e.Message, e);
        }

        try
        {
            return RunManifestJson.Read(json, path);
        }
        catch (DlExtArgumentException e)
        {
            throw new DlExtFileException(path, "is not a run manifest: " + e.Reason + "; give a file written by --manifest or SaveManifest", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind} manifest: {(Kind == SweepKind ? Trials.Count + " trials" : Epochs.Count + " epochs")}, epochs {Short(EpochsSha256)}, weights {Short(WeightsSha256)}, {Data.Count} data set(s), {TestAccesses.Count} test-set use(s)");

    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Short(string? hash) => hash is null ? "none" : hash[..12];

    internal static void Add(List<(string, string)> metrics, string name, double? value)
    {
        if (value is { } v)
        {
            metrics.Add((name, Text(v)));
        }
    }

    internal static SortedDictionary<string, string> Sorted(params (string Key, string Value)[] pairs)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    internal static IReadOnlyList<TestSetAccess> Accesses(params Dataset?[] data) =>
        [.. data.Where(d => d is not null).SelectMany(d => d!.TestAccesses).DistinctBy(a => a.Sequence).OrderBy(a => a.Sequence)];

    private static string Digest(IReadOnlyList<EpochValues> epochs)
    {
        var text = new StringBuilder();
        foreach (var e in epochs)
        {
            text.Append(e.Epoch.ToString(CultureInfo.InvariantCulture));
            foreach (var field in e.Fields)
            {
                text.Append(';').Append(field is { } f ? Text(f) : "-");
            }

            text.Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
