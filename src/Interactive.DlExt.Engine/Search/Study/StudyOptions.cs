namespace Interactive.DlExt.Search;

/// <summary>How a <see cref="Study"/> searches and where it keeps its trials.</summary>
public sealed class StudyOptions
{
    /// <summary>Whether smaller or larger objective values are better. <value>The default is <see cref="StudyDirection.Minimize"/>.</value></summary>
    public StudyDirection Direction { get; init; } = StudyDirection.Minimize;

    /// <summary>The search strategy. <value>The default is a <see cref="TpeSearch"/> with its defaults.</value></summary>
    public SearchStrategy Strategy { get; init; } = new TpeSearch();

    /// <summary>The pruner, or null to never prune. <value>The default is null.</value></summary>
    public Pruner? Pruner { get; init; }

    /// <summary>The study seed; trial n's generator is <c>RandomSource.Derive(Seed, n)</c>. <value>The default is 0.</value></summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// Further settings that change what a trial means, by name (a sweep adds its epochs, optimizer, …). They are stored
    /// with the study, beside its strategy and pruner, and reopening it with a different value is refused.
    /// <value>The default is none.</value>
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Where trials are kept. <value>The default is a new <see cref="InMemoryStudyStorage"/>.</value></summary>
    public IStudyStorage? Storage { get; init; }

    /// <summary>How often a running trial refreshes its heartbeat. <value>The default is 10 seconds.</value></summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a worker waits before asking again when the strategy says "wait". <value>The default is 20 ms.</value></summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The clock for heartbeats and waits. <value>The default is the system clock.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
