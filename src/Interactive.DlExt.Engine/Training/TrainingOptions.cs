namespace Interactive.DlExt;

/// <summary>How to train: epochs, batch size, optimizer, schedule, validation, regularisation, callbacks.</summary>
public sealed class TrainingOptions
{
    /// <summary>Passes over the training data.</summary>
    /// <value>The default is 10.</value>
    public int Epochs { get; set; } = Hyperparameters.DefaultEpochs;

    /// <summary>Samples per optimizer step. A batch larger than the training samples (after the validation split) is
    /// one full batch per epoch, as in Keras and PyTorch; <see cref="TrainingHistory.Settings"/> records the batch used.
    /// (The <c>dlext</c> command refuses such a value, since there the user typed it.)</summary>
    /// <value>The default is 32.</value>
    public int BatchSize { get; set; } = Hyperparameters.DefaultBatchSize;

    /// <summary>The optimizer (it keeps its state between runs). Null means <see cref="Hyperparameters.DefaultOptimizer"/> with <see cref="Hyperparameters.DefaultLearningRate"/>.</summary>
    /// <value>The default is null.</value>
    public Optimizer? Optimizer { get; set; }

    /// <summary>The learning-rate schedule. Null means constant.</summary>
    /// <value>The default is null.</value>
    public LearningRateSchedule? Schedule { get; set; }

    /// <summary>The loss. Null means cross-entropy for classification data, mean squared error otherwise.</summary>
    /// <value>The default is null.</value>
    public Loss? Loss { get; set; }

    /// <summary>Held-out data to validate on after each epoch. Takes precedence over <see cref="ValidationSplit"/>.</summary>
    /// <value>The default is null.</value>
    public Dataset? Validation { get; set; }

    /// <summary>A fraction in (0, 1) of the training data to hold out for validation (seeded, stratified for
    /// classification); 0 means no validation.</summary>
    /// <value>The default is 0.</value>
    public double ValidationSplit { get; set; }

    /// <summary>L1 penalty strength λ₁ on weights.</summary>
    /// <value>The default is 0.</value>
    public double L1 { get; set; }

    /// <summary>L2 penalty strength λ₂ on weights.</summary>
    /// <value>The default is 0.</value>
    public double L2 { get; set; }

    /// <summary>How the run was asked for (a magic line, a command line), recorded in its <see cref="TrainingHistory.Manifest"/>.</summary>
    /// <value>The default is <see langword="null"/> (not recorded).</value>
    public string? Command { get; set; }

    /// <summary>Seeds initialisation (if the model is not built yet), shuffling, the validation split and dropout.</summary>
    /// <value>The default is 0.</value>
    public ulong Seed { get; set; }

    /// <summary>The most compute threads any run accepts (API, magics, CLI): far above any useful count, far below
    /// the count that exhausts the process (100,000 threads abort it natively).</summary>
    public const int MaxThreads = 256;

    /// <summary>Compute threads, 1 to <see cref="MaxThreads"/>. Results are bit-identical for any value.</summary>
    /// <value>The default is the machine's processor count (at most <see cref="MaxThreads"/>).</value>
    public int Threads { get; set; } = DefaultThreads;

    /// <summary>The default thread count: the machine's processor count, at most <see cref="MaxThreads"/>.</summary>
    public static int DefaultThreads => Math.Min(Environment.ProcessorCount, MaxThreads);

    /// <summary>Checks a thread count lies in 1..<see cref="MaxThreads"/>: the one rule the API, the magics and the CLI read.</summary>
    internal static int CheckThreads(int threads, string parameter = "threads") => Guard.InRange(threads, 1, MaxThreads, parameter);

    /// <summary>
    /// Training stops as diverged when a step's loss exceeds this many times its start (the first step's loss, or 1
    /// when that is smaller, so a near-zero start does not trip it) — an exploding loss, not only a NaN or infinite one.
    /// Null turns the check off (NaN and infinity still stop training). Accepted: a finite number &gt; 1.
    /// </summary>
    /// <value>The default is <see cref="DefaultDivergenceFactor"/> (100).</value>
    public double? DivergenceFactor { get; set; } = DefaultDivergenceFactor;

    /// <summary>The default of <see cref="DivergenceFactor"/>: far above any normal fluctuation of the loss.</summary>
    public const double DefaultDivergenceFactor = 100;

    /// <summary>Rescales all gradients after each backward pass so their global L2 norm is at most this, as PyTorch's
    /// <c>clip_grad_norm_</c>: g ← g · c / (‖g‖ + 10⁻⁶) when ‖g‖ exceeds c. Null: no clipping by norm. Accepted: &gt; 0.
    /// Applied before <see cref="ClipValue"/>; the history records the norm before clipping.</summary>
    /// <value>The default is null.</value>
    public double? ClipNorm { get; set; }

    /// <summary>Clamps each gradient to [−c, c] after each backward pass (and after <see cref="ClipNorm"/>), as PyTorch's
    /// <c>clip_grad_value_</c>. Null: no clamping. Accepted: &gt; 0.</summary>
    /// <value>The default is null.</value>
    public double? ClipValue { get; set; }

    /// <summary>Whether each epoch visits the training data in a new seeded order.</summary>
    /// <value>The default is true.</value>
    public bool Shuffle { get; set; } = true;

    /// <summary>Whether a last incomplete batch is skipped.</summary>
    /// <value>The default is false.</value>
    public bool DropLast { get; set; }

    /// <summary>Stop when the monitored loss stops improving (null: train all epochs).</summary>
    /// <value>The default is null.</value>
    public EarlyStopping? EarlyStopping { get; set; }

    /// <summary>Where and how often to save a training checkpoint (weights, optimizer state, schedule position, epoch,
    /// generator positions, early-stopping state and the history so far), so <see cref="Resume"/> can continue the run
    /// to the same bits. Null: no checkpoints.</summary>
    /// <value>The default is null.</value>
    public CheckpointOptions? Checkpoint { get; set; }

    /// <summary>Whether to continue from the checkpoint in <see cref="Checkpoint"/>'s folder instead of starting
    /// afresh: the run goes on from the epoch after the checkpoint and ends with the bits an uninterrupted run would
    /// have. A checkpoint from another model, optimizer or set of training settings, or a corrupt one, is refused
    /// with the reason; with no checkpoint in the folder the run is refused too (start it without resume).</summary>
    /// <value>The default is false.</value>
    public bool Resume { get; set; }

    /// <summary>Extra callbacks, called in order after the built-in ones.</summary>
    public IList<TrainingCallback> Callbacks { get; } = [];

    /// <summary>The clock for epoch times (inject a fake one in tests).</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A shallow copy: the callbacks list is new, the objects in it (and optimizer, schedule, loss) are shared.</summary>
    public TrainingOptions Clone()
    {
        var copy = new TrainingOptions
        {
            Epochs = Epochs,
            BatchSize = BatchSize,
            Optimizer = Optimizer,
            Schedule = Schedule,
            Loss = Loss,
            Validation = Validation,
            ValidationSplit = ValidationSplit,
            L1 = L1,
            L2 = L2,
            Seed = Seed,
            Command = Command,
            Threads = Threads,
            DivergenceFactor = DivergenceFactor,
            ClipNorm = ClipNorm,
            ClipValue = ClipValue,
            Shuffle = Shuffle,
            DropLast = DropLast,
            EarlyStopping = EarlyStopping,
            Checkpoint = Checkpoint,
            Resume = Resume,
            TimeProvider = TimeProvider,
        };
        foreach (var c in Callbacks)
        {
            copy.Callbacks.Add(c);
        }

        return copy;
    }
}
