using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Interactive.DlExt;

/// <summary>
/// A training run's checkpoint: one safetensors file (<see cref="CheckpointOptions.FileName"/>) holding the model's
/// parameters under their own names, the optimizer's state buffers ("optimizer.0", "optimizer.1"), early stopping's
/// best weights ("early_stopping.values", "early_stopping.state"), and in its metadata the run's state as JSON
/// ("dlext.checkpoint": format, epochs done, step, optimizer step count, schedule state, the dropout generator's
/// position, early stopping's counters, the settings that must match, the history so far) with a SHA-256 over the
/// JSON and every tensor's bytes ("dlext.sha256"). Written atomically through <see cref="SafeTensors"/> and
/// <see cref="AtomicFile"/>; read all or nothing: every check passes before anything is changed.
/// </summary>
internal sealed class TrainingCheckpoint
{
    internal const string StateKey = "dlext.checkpoint";
    internal const string ChecksumKey = "dlext.sha256";
    private const int Format = 1;
    private const string OptimizerPrefix = "optimizer.";
    private const string EarlyValues = "early_stopping.values";
    private const string EarlyState = "early_stopping.state";

    private TrainingCheckpoint()
    {
    }

    /// <summary>Epochs finished when the checkpoint was written (the resumed run starts at this 0-based epoch).</summary>
    public int EpochsDone { get; private init; }

    /// <summary>The global step the next batch takes.</summary>
    public long Step { get; private init; }

    /// <summary>The first step's loss, the yardstick of the divergence check.</summary>
    public double? StartLoss { get; private init; }

    public required IReadOnlyDictionary<string, Tensor> Weights { get; init; }

    public long OptimizerStepCount { get; private init; }

    public required float[][] OptimizerBuffers { get; init; }

    public required double[] Schedule { get; init; }

    public required ulong[] DropoutWords { get; init; }

    public double? DropoutSpare { get; private init; }

    public (double Best, int Wait, int BestEpoch, ParameterSnapshot? BestWeights)? Early { get; private init; }

    public (StopReason Reason, string Message)? Stop { get; private init; }

    public TimeSpan Elapsed { get; private init; }

    public required IReadOnlyList<StepRecord> Steps { get; init; }

    public required IReadOnlyList<EpochRecord> Epochs { get; init; }

    /// <summary>The settings that must be the same for a run to continue this one, by name, as text.</summary>
    public static SortedDictionary<string, string> Fingerprint(Sequential model, Optimizer optimizer, TrainingSettings settings, TrainingOptions options,
        Dataset train, Dataset? validation)
    {
        var store = model.Store;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = settings.Model,
            ["parameters"] = string.Join(", ", store.Parameters.Select(p => $"{p.Name} {Tensor.Describe(p.Shape)}")),
            ["optimizer"] = optimizer.Name,
            ["optimizer formula"] = optimizer.Formula,
            ["learning rate"] = Text(settings.LearningRate),
            ["schedule"] = options.Schedule is null ? "constant" : $"{options.Schedule.Name}: {options.Schedule.Formula}",
            ["loss"] = settings.Loss,
            ["batch size"] = Text(settings.BatchSize),
            ["steps per epoch"] = Text(settings.StepsPerEpoch),
            ["training samples"] = Text(settings.TrainCount),
            ["validation samples"] = Text(settings.ValidationCount),
            ["training data"] = DataHash(train),
            ["validation data"] = validation is null ? "none" : DataHash(validation),
            ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["l1"] = Text(settings.L1),
            ["l2"] = Text(settings.L2),
            ["clip norm"] = settings.ClipNorm is { } n ? Text(n) : "none",
            ["clip value"] = settings.ClipValue is { } v ? Text(v) : "none",
            ["shuffle"] = options.Shuffle ? "yes" : "no",
            ["drop last"] = options.DropLast ? "yes" : "no",
            ["early stopping"] = options.EarlyStopping is { } e
                ? $"patience {Text(e.Patience)}, min delta {Text(e.MinDelta)}, restore best {(e.RestoreBestWeights ? "yes" : "no")}"
                : "none",
        };
    }

    /// <summary>Writes the checkpoint of a run that has just finished an epoch.</summary>
    public static void Save(string path, TrainingRunSnapshot run, Func<Stream, Stream>? wrap = null)
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var p in run.Model.Store.Parameters)
        {
            tensors.Add(p.Name, new Tensor(p.Values.ToArray(), p.Shape.ToArray()));
        }

        var (optimizerSteps, buffers) = run.Optimizer.SaveState();
        for (var b = 0; b < buffers.Length; b++)
        {
            tensors.Add(OptimizerPrefix + b.ToString(CultureInfo.InvariantCulture), new Tensor(buffers[b], [buffers[b].Length]));
        }

        var early = run.EarlyStopping?.SaveState();
        if (early?.BestWeights is { } best)
        {
            tensors.Add(EarlyValues, new Tensor((float[])best.Values.Clone(), [best.Values.Length]));
            tensors.Add(EarlyState, new Tensor((float[])best.State.Clone(), [best.State.Length]));
        }

        var state = StateJson(run, optimizerSteps, buffers.Length, early);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [StateKey] = state,
            [ChecksumKey] = Checksum(state, tensors),
        };
        try
        {
            SafeTensors.Save(path, tensors, metadata, wrap ?? (static s => s));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not DlExtFileException)
        {
            // The previous checkpoint, if any, is left whole (AtomicFile); the run stops here with one clean line.
            throw new DlExtFileException(path, $"(the training checkpoint) could not be written after epoch {run.History.Epochs.Count}: " +
                $"{e.Message.Replace($"'{path}' ", string.Empty, StringComparison.Ordinal)}; the previous checkpoint is left as it was", e);
        }
    }

    /// <summary>Reads and checks the checkpoint at <paramref name="path"/> against the run about to resume.</summary>
    /// <exception cref="DlExtFileException">The file is missing pieces, corrupt or truncated.</exception>
    /// <exception cref="DlExtArgumentException">The file was written by another model, optimizer or settings.</exception>
    public static TrainingCheckpoint Load(string path, IReadOnlyDictionary<string, string> fingerprint, Sequential model, Optimizer optimizer, TrainingOptions options)
    {
        if (!File.Exists(path))
        {
            throw new DlExtArgumentException("resume",
                $"There is no checkpoint to resume from: '{path}' does not exist. Train once with the checkpoint folder (without resume) to write one.");
        }

        IReadOnlyDictionary<string, Tensor> tensors;
        IReadOnlyDictionary<string, string> metadata;
        try
        {
            var bytes = File.ReadAllBytes(path);
            var content = SafeTensorsContent.Parse(bytes, path);
            (tensors, metadata) = (content.Tensors, content.Metadata);
        }
        catch (DlExtFileException e)
        {
            throw new DlExtFileException(path, $"is not a readable training checkpoint: {e.Problem}; delete it and train again without resume", e);
        }

        if (!metadata.TryGetValue(StateKey, out var state) || !metadata.TryGetValue(ChecksumKey, out var checksum))
        {
            throw new DlExtFileException(path, $"is a safetensors file but not a training checkpoint (no \"{StateKey}\" metadata); point the checkpoint option at a folder of its own");
        }

        if (!string.Equals(Checksum(state, tensors), checksum, StringComparison.Ordinal))
        {
            throw new DlExtFileException(path, "is corrupt: its contents do not match the SHA-256 recorded when it was written; delete it and train again without resume");
        }

        try
        {
            return Read(path, state, tensors, fingerprint, model, optimizer, options);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException or ArgumentException
                                      && e is not DlExtArgumentException)
        {
            throw new DlExtFileException(path, $"is not a valid training checkpoint ({e.Message}); delete it and train again without resume", e);
        }
    }

    private static TrainingCheckpoint Read(string path, string stateText, IReadOnlyDictionary<string, Tensor> tensors,
        IReadOnlyDictionary<string, string> fingerprint, Sequential model, Optimizer optimizer, TrainingOptions options)
    {
        using var document = JsonDocument.Parse(stateText);
        var root = document.RootElement;
        var format = root.GetProperty("format").GetInt32();
        if (format != Format)
        {
            throw new DlExtFileException(path, $"has checkpoint format {format}, which this version (format {Format}) does not read; train again without resume");
        }

        // What differs from this run, named; nothing is changed when anything does.
        var differences = new List<string>();
        var saved = root.GetProperty("fingerprint").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        foreach (var (key, value) in fingerprint)
        {
            var before = saved.GetValueOrDefault(key, "(not recorded)");
            if (string.Equals(before, value, StringComparison.Ordinal))
            {
                continue;
            }

            if (key == "parameters")
            {
                differences.AddRange(ParameterDifferences(before, value));
            }
            else
            {
                differences.Add($"{key} is {before} in the checkpoint but {value} in this run");
            }
        }

        if (differences.Count > 0)
        {
            throw new DlExtArgumentException("checkpoint",
                $"'{path}' was written by another run and cannot be resumed here: {string.Join("; ", differences)}. Nothing was resumed; " +
                "train with the checkpoint's settings, or without resume to start afresh.");
        }

        var store = model.Store;
        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var p in store.Parameters)
        {
            var t = tensors.TryGetValue(p.Name, out var found) ? found : throw new DlExtFileException(path, $"lacks the parameter {p.Name}; delete it and train again without resume");
            if (!t.Shape.SequenceEqual(p.Shape))
            {
                throw new DlExtFileException(path, $"holds {p.Name} as {Tensor.Describe(t.Shape)} but its own record says {Tensor.Describe(p.Shape)}");
            }

            weights.Add(p.Name, t);
        }

        var bufferCount = root.GetProperty("optimizerBuffers").GetInt32();
        if (bufferCount != optimizer.StateBufferCount && bufferCount != 0)
        {
            throw new DlExtFileException(path, $"holds {bufferCount} optimizer buffers but {optimizer.Name} keeps {optimizer.StateBufferCount}");
        }

        var buffers = new float[bufferCount][];
        for (var b = 0; b < bufferCount; b++)
        {
            var name = OptimizerPrefix + b.ToString(CultureInfo.InvariantCulture);
            var t = tensors.TryGetValue(name, out var found) ? found : throw new DlExtFileException(path, $"lacks the optimizer buffer '{name}'");
            if (t.Length != store.TrainableCount)
            {
                throw new DlExtFileException(path, $"holds optimizer buffer '{name}' of {t.Length} values for a model of {store.TrainableCount}");
            }

            buffers[b] = t.Data;
        }

        var schedule = root.GetProperty("schedule").EnumerateArray().Select(ReadDouble).ToArray();
        var dropout = root.GetProperty("dropout");
        var words = dropout.GetProperty("words").EnumerateArray().Select(w => ulong.Parse(w.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        if (words.Length != 4)
        {
            throw new DlExtFileException(path, "holds a dropout generator position that is not four words");
        }

        (double, int, int, ParameterSnapshot?)? early = null;
        if (root.GetProperty("earlyStopping") is { ValueKind: JsonValueKind.Object } e)
        {
            ParameterSnapshot? best = null;
            if (e.GetProperty("hasWeights").GetBoolean())
            {
                if (!tensors.TryGetValue(EarlyValues, out var values) || !tensors.TryGetValue(EarlyState, out var st)
                    || values.Length != store.TrainableCount || st.Length != store.State.Length)
                {
                    throw new DlExtFileException(path, "lacks early stopping's best weights, or holds them for another model");
                }

                best = new ParameterSnapshot(values.Data, st.Data);
            }

            early = (ReadDouble(e.GetProperty("best")), e.GetProperty("wait").GetInt32(), e.GetProperty("bestEpoch").GetInt32(), best);
        }

        (StopReason, string)? stop = null;
        if (root.GetProperty("stop") is { ValueKind: JsonValueKind.Object } s)
        {
            stop = (Enum.Parse<StopReason>(s.GetProperty("reason").GetString()!), s.GetProperty("message").GetString()!);
        }

        var steps = root.GetProperty("steps").EnumerateArray().Select(a => new StepRecord(
            a[0].GetInt64(), a[1].GetInt32(), ReadDouble(a[2]), ReadDouble(a[3]), a[4].ValueKind == JsonValueKind.Null ? null : ReadDouble(a[4]))).ToList();
        var epochs = root.GetProperty("epochs").EnumerateArray().Select(a => new EpochRecord(
            a[0].GetInt32(), ReadDouble(a[1]), ReadNullable(a[2]), ReadNullable(a[3]), ReadNullable(a[4]), ReadDouble(a[5]), TimeSpan.FromTicks(a[6].GetInt64()))).ToList();
        var epochsDone = root.GetProperty("epochsDone").GetInt32();
        if (epochs.Count != epochsDone)
        {
            throw new DlExtFileException(path, $"records {epochs.Count} epochs but says {epochsDone} were done");
        }

        return new TrainingCheckpoint
        {
            EpochsDone = epochsDone,
            Step = root.GetProperty("step").GetInt64(),
            StartLoss = ReadNullable(root.GetProperty("startLoss")),
            Weights = weights,
            OptimizerStepCount = root.GetProperty("optimizerStepCount").GetInt64(),
            OptimizerBuffers = buffers,
            Schedule = schedule,
            DropoutWords = words,
            DropoutSpare = ReadNullable(dropout.GetProperty("spare")),
            Early = early,
            Stop = stop,
            Elapsed = TimeSpan.FromTicks(root.GetProperty("elapsedTicks").GetInt64()),
            Steps = steps,
            Epochs = epochs,
        };
    }

    /// <summary>Each parameter that is missing, extra or of another shape, from two "name [shape], …" lists.</summary>
    private static IEnumerable<string> ParameterDifferences(string checkpoint, string run)
    {
        static Dictionary<string, string> Parse(string list) => list.Split("], ", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.EndsWith(']') ? p : p + "]")
            .Select(p => p.Split(' ', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "[]", StringComparer.Ordinal);
        var saved = Parse(checkpoint);
        var here = Parse(run);
        foreach (var (name, shape) in here)
        {
            if (!saved.TryGetValue(name, out var was))
            {
                yield return $"parameter {name} {shape} of this run is not in the checkpoint";
            }
            else if (was != shape)
            {
                yield return $"parameter {name} is {was} in the checkpoint but {shape} in this run";
            }
        }

        foreach (var (name, shape) in saved.Where(p => !here.ContainsKey(p.Key)))
        {
            yield return $"parameter {name} {shape} of the checkpoint is not in this run";
        }
    }

    private static string StateJson(TrainingRunSnapshot run, long optimizerSteps, int bufferCount, (double Best, int Wait, int BestEpoch, ParameterSnapshot? BestWeights)? early)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteNumber("epochsDone", run.History.Epochs.Count);
            w.WriteNumber("step", run.Step);
            WriteNullable(w, "startLoss", run.StartLoss);
            w.WriteStartObject("fingerprint");
            foreach (var (key, value) in run.Fingerprint)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteNumber("optimizerStepCount", optimizerSteps);
            w.WriteNumber("optimizerBuffers", bufferCount);
            w.WriteStartArray("schedule");
            foreach (var x in run.Schedule?.SaveState() ?? [])
            {
                WriteDouble(w, x);
            }

            w.WriteEndArray();
            var (words, spare) = run.Dropout.SaveState();
            w.WriteStartObject("dropout");
            w.WriteStartArray("words");
            foreach (var word in words)
            {
                w.WriteStringValue(word.ToString("x16", CultureInfo.InvariantCulture));
            }

            w.WriteEndArray();
            WriteNullable(w, "spare", spare);
            w.WriteEndObject();
            if (early is { } e)
            {
                w.WriteStartObject("earlyStopping");
                w.WritePropertyName("best");
                WriteDouble(w, e.Best);
                w.WriteNumber("wait", e.Wait);
                w.WriteNumber("bestEpoch", e.BestEpoch);
                w.WriteBoolean("hasWeights", e.BestWeights is not null);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("earlyStopping");
            }

            if (run.Stop is { } stop)
            {
                w.WriteStartObject("stop");
                w.WriteString("reason", stop.Reason.ToString());
                w.WriteString("message", stop.Message);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("stop");
            }

            w.WriteNumber("elapsedTicks", run.Elapsed.Ticks);
            w.WriteStartArray("steps");
            foreach (var s in run.History.Steps)
            {
                w.WriteStartArray();
                w.WriteNumberValue(s.Step);
                w.WriteNumberValue(s.Epoch);
                WriteDouble(w, s.Loss);
                WriteDouble(w, s.LearningRate);
                WriteDouble(w, s.GradientNorm);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("epochs");
            foreach (var record in run.History.Epochs)
            {
                w.WriteStartArray();
                w.WriteNumberValue(record.Epoch);
                WriteDouble(w, record.TrainLoss);
                WriteDouble(w, record.TrainAccuracy);
                WriteDouble(w, record.ValidationLoss);
                WriteDouble(w, record.ValidationAccuracy);
                WriteDouble(w, record.LearningRate);
                w.WriteNumberValue(record.Duration.Ticks);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Doubles travel as the hex of their bits: exact, and NaN and the infinities need no special case.
    private static void WriteDouble(Utf8JsonWriter w, double? value)
    {
        if (value is { } x)
        {
            w.WriteStringValue(BitConverter.DoubleToInt64Bits(x).ToString("x16", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        w.WritePropertyName(name);
        WriteDouble(w, value);
    }

    private static double ReadDouble(JsonElement e) =>
        BitConverter.Int64BitsToDouble(long.Parse(e.GetString() ?? throw new FormatException("a number is missing"), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static double? ReadNullable(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : ReadDouble(e);

    /// <summary>SHA-256 over the state JSON and every tensor (name, shape, little-endian values) in name order.</summary>
    private static string Checksum(string state, IReadOnlyDictionary<string, Tensor> tensors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(state));
        Span<byte> word = stackalloc byte[8];
        foreach (var (name, tensor) in tensors.Where(t => t.Key is not (StateKey or ChecksumKey)).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            foreach (var d in tensor.Shape)
            {
                BinaryPrimitives.WriteInt64LittleEndian(word, d);
                hash.AppendData(word);
            }

            var bytes = new byte[4 * tensor.Length];
            for (var i = 0; i < tensor.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), tensor.Data[i]);
            }

            hash.AppendData(bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>The first 16 hex digits of the data set's content hash (<see cref="DataFingerprint"/>, computed once per
    /// data set and shared with the run's manifest), after the split.</summary>
    private static string DataHash(Dataset data) => "sha256 " + DataFingerprint.Of(data, "checkpoint").Sha256[..16];

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="TrainingCheckpoint.Save"/> reads from a running <see cref="TrainingRun"/>.</summary>
internal sealed record TrainingRunSnapshot(
    Sequential Model,
    Optimizer Optimizer,
    LearningRateSchedule? Schedule,
    RandomSource Dropout,
    EarlyStopping? EarlyStopping,
    TrainingHistory History,
    long Step,
    double? StartLoss,
    (StopReason Reason, string Message)? Stop,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, string> Fingerprint);
