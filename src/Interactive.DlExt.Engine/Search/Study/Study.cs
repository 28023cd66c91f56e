namespace Interactive.DlExt.Search;

/// <summary>
/// A hyperparameter search: a space, a strategy, an objective direction, a seed and the recorded trials.
/// <code>
/// var study = new Study("lr-sweep", space, new StudyOptions { Strategy = new TpeSearch(), Seed = 1 });
/// study.Optimize(trial => Train(trial.Parameters.Double("lr")), trials: 30);
/// </code>
/// With a <see cref="SqliteStudyStorage"/> the same study can be run by several processes at once and resumed
/// after a crash: the trial budget is the study's total, so re-running the same call finishes what is left.
/// </summary>
public sealed class Study
{
    private readonly List<EnqueuedTrial> _enqueued = [];

    /// <summary>Creates the study, or opens it in the storage, which must hold the same direction, seed, space and
    /// settings (<see cref="StudySettings"/>): resuming with a different strategy, pruner or sweep setting is refused.</summary>
    public Study(string name, SearchSpace space, StudyOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(space);
        if (space.Parameters.Count == 0)
        {
            throw new DlExtArgumentException("space", "(empty)", "at least one parameter");
        }

        options ??= new StudyOptions();
        Name = name;
        Space = space;
        Options = options;
        Storage = options.Storage ?? new InMemoryStudyStorage(options.TimeProvider);
        Id = Storage.OpenStudy(name, options.Direction, options.Seed, space, StudySettings);
    }

    /// <summary>The study name (its key in the storage).</summary>
    public string Name { get; }

    /// <summary>The search space.</summary>
    public SearchSpace Space { get; }

    /// <summary>The options the study was opened with.</summary>
    public StudyOptions Options { get; }

    /// <summary>Whether smaller or larger values are better.</summary>
    public StudyDirection Direction => Options.Direction;

    /// <summary>The strategy.</summary>
    public SearchStrategy Strategy => Options.Strategy;

    /// <summary>The pruner, or null.</summary>
    public Pruner? Pruner => Options.Pruner;

    /// <summary>The seed.</summary>
    public ulong Seed => Options.Seed;

    /// <summary>The settings stored with the study and checked on resume: "strategy", "pruner", then <see cref="StudyOptions.Settings"/>.</summary>
    public IReadOnlyDictionary<string, string> StudySettings => Settings(Options);

    /// <summary>Where the trials are kept.</summary>
    public IStudyStorage Storage { get; }

    /// <summary>The current history, read from storage (includes other processes' trials).</summary>
    public StudyHistory History => Storage.LoadHistory(Id, Space);

    /// <summary>All trials in number order.</summary>
    public IReadOnlyList<TrialRecord> Trials => History.Trials;

    /// <summary>The best completed trial, or null.</summary>
    public TrialRecord? BestTrial => History.Best;

    internal int Id { get; }

    /// <summary>Called on the worker's thread after a trial's end state is stored (used by <see cref="Sweep"/> for live views).</summary>
    internal Action<int, TrialState>? TrialFinished { get; set; }

    /// <summary>The share of the objective's variance each parameter explains (see <see cref="Search.ParameterImportance"/>).</summary>
    public IReadOnlyDictionary<string, double> ParameterImportance() => Search.ParameterImportance.Compute(History);

    /// <summary>
    /// Runs trials until the study holds <paramref name="trials"/> trials in total (or the strategy is exhausted),
    /// <paramref name="parallelism"/> at a time. A throwing objective marks its trial Failed with the message and the
    /// study goes on. Cancellation returns early without throwing: finished trials are kept and an interrupted trial
    /// is recorded Cancelled with the values it reported, to be re-run by the next call. Returns how many trials this call finished.
    /// </summary>
    public int Optimize(Func<Trial, double> objective, int trials, int parallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return OptimizeAsync(t => Task.FromResult(objective(t)), trials, parallelism, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>The asynchronous form of <see cref="Optimize"/>, for objectives that await (a trainer inside a notebook).</summary>
    public Task<int> OptimizeAsync(Func<Trial, Task<double>> objective, int trials, int parallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Guard.AtLeast(trials, 1, nameof(trials));
        Guard.AtLeast(parallelism, 1, nameof(parallelism));
        return new StudyRunner(this, objective, trials, cancellationToken).RunAsync(parallelism);
    }

    /// <summary>
    /// Queues a trial with fixed values, as Optuna's <c>enqueue_trial</c>: the next new trial (trial 0 in a new study) runs them,
    /// before the strategy's own suggestions, in the order they were enqueued. Values not given are filled as Optuna
    /// does: by the strategy's suggestion for that trial, or drawn uniformly where it has none. The trial is recorded
    /// like any other, so the strategy learns from it and the budget of <see cref="Optimize"/> counts it.
    /// An enqueued trial is skipped when the study already holds a trial with those values (as many as were enqueued with
    /// them here): enqueuing a baseline again on a resumed study (a <see cref="SqliteStudyStorage"/>) does not run it twice.
    /// The enqueued values live in this object until their trial is claimed (then they are stored like any trial's), so a
    /// resumed study that should still run them must enqueue them again. <see cref="GridSearch"/> gives trial n the grid's
    /// point n, so with a grid an enqueued trial takes the place of the grid point of its number.
    /// <code>
    /// study.Enqueue(new Dictionary&lt;string, object&gt; { ["lr"] = 0.01, ["optimizer"] = "adam" });
    /// </code>
    /// </summary>
    /// <param name="values">Values by parameter name (a training hyperparameter's alias is accepted, as in
    /// <see cref="Hyperparameters.Find"/>); numbers may be given as any numeric type or as text.</param>
    /// <exception cref="DlExtArgumentException">A name is not a parameter of the space, or a value is outside its range or
    /// choices; the message names the parameter, the value and what is accepted.</exception>
    public void Enqueue(IReadOnlyDictionary<string, object> values)
    {
        var entry = EnqueuedTrial.Check(Space, values);
        lock (_enqueued)
        {
            _enqueued.Add(entry);
        }
    }

    /// <summary>Queues a trial with these values (see <see cref="Enqueue(IReadOnlyDictionary{string, object})"/>).</summary>
    public void Enqueue(TrialParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Enqueue(parameters.Values);
    }

    /// <summary>The enqueued trials this study has not run yet, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object>> PendingEnqueued() =>
        Pending(History).Select(e => e.Values).ToArray();

    /// <summary>Trial <paramref name="number"/>'s parameters: the first pending enqueued trial's, else the strategy's, with its own generator.</summary>
    internal Suggestion Suggest(StudyHistory history, int number)
    {
        var random = RandomSource.Derive(Seed, (ulong)number);
        if (Pending(history).FirstOrDefault() is { } entry)
        {
            return Suggestion.Ready(entry.Fill(Space, Seed, number, () => Strategy.Suggest(history, number, random)));
        }

        return Strategy.Suggest(history, number, random);
    }

    /// <summary>The enqueued entries still to run: the k-th entry with given values is pending while fewer than k trials match them.</summary>
    private List<EnqueuedTrial> Pending(StudyHistory history)
    {
        EnqueuedTrial[] entries;
        lock (_enqueued)
        {
            entries = [.. _enqueued];
        }

        var pending = new List<EnqueuedTrial>();
        for (var i = 0; i < entries.Length; i++)
        {
            var occurrence = entries.Take(i + 1).Count(e => e.SameAs(entries[i]));
            if (history.Trials.Count(t => entries[i].Matches(Space, t.Parameters)) < occurrence)
            {
                pending.Add(entries[i]);
            }
        }

        return pending;
    }

    private static Dictionary<string, string> Settings(StudyOptions options)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["strategy"] = options.Strategy.Name,
            ["pruner"] = options.Pruner?.ToString() ?? "none",
        };
        foreach (var (name, value) in options.Settings)
        {
            settings[name] = value;
        }

        return settings;
    }

    /// <inheritdoc />
    public override string ToString() => $"study '{Name}' ({Strategy.Name}, {Direction}, {History.Trials.Count} trials)";
}
