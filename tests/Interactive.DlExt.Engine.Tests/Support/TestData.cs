namespace Interactive.DlExt.Tests.Support;

/// <summary>Small seeded data sets and models for training tests.</summary>
internal static class TestData
{
    /// <summary>Two Gaussian blobs per class in 2-D, linearly separable-ish.</summary>
    public static Dataset Blobs(int perClass = 60, int classes = 3, ulong seed = 1)
    {
        var random = new RandomSource(seed);
        var n = perClass * classes;
        var x = new float[n * 2];
        var y = new float[n];
        for (var i = 0; i < n; i++)
        {
            var c = i % classes;
            var angle = 2 * Math.PI * c / classes;
            x[2 * i] = (float)((2 * Math.Cos(angle)) + (0.5 * random.NextGaussian()));
            x[(2 * i) + 1] = (float)((2 * Math.Sin(angle)) + (0.5 * random.NextGaussian()));
            y[i] = c;
        }

        return new Dataset(new Tensor(x, n, 2), new Tensor(y, n), classes, name: "blobs");
    }

    public static Sequential SmallMlp(int inputs = 2, int classes = 3) =>
        new(new Linear(inputs, 16), new ReLU(), new Linear(16, classes));

    /// <summary>A hash of every step's loss and the final weights: equal hashes mean bit-identical runs.</summary>
    public static string Fingerprint(TrainingHistory history, Sequential model)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var s in history.Steps)
        {
            hash.AppendData(BitConverter.GetBytes(s.Loss));
        }

        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(model.Store.Values.AsSpan()));
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}

/// <summary>A clock that advances a fixed amount each time it is read.</summary>
internal sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}

/// <summary>Remembers every event it hears.</summary>
internal sealed class RecordingCallback : TrainingCallback
{
    public List<TrainingEvent> Events { get; } = [];

    public Action<TrainingEvent, TrainingState>? OnEvent { get; init; }

    public override void On(TrainingEvent trainingEvent, TrainingState state)
    {
        Events.Add(trainingEvent);
        OnEvent?.Invoke(trainingEvent, state);
        base.On(trainingEvent, state);
    }
}
