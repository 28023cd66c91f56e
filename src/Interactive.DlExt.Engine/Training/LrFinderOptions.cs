namespace Interactive.DlExt;

/// <summary>Settings of a learning-rate range test (<see cref="LearningRateFinder.Run"/>).</summary>
public sealed class LrFinderOptions
{
    /// <summary>The default first learning rate.</summary>
    public const double DefaultStartLearningRate = 1e-7;

    /// <summary>The default last learning rate.</summary>
    public const double DefaultEndLearningRate = 10;

    /// <summary>The default number of steps.</summary>
    public const int DefaultSteps = 100;

    /// <summary>The fewest steps a test may take.</summary>
    public const int MinimumSteps = 5;

    /// <summary>The default smoothing β (fastai's).</summary>
    public const double DefaultSmoothing = 0.98;

    /// <summary>The default divergence factor (fastai's): stop when the smoothed loss passes this many times its best.</summary>
    public const double DefaultDivergenceFactor = 4;

    /// <summary>The learning rate of the first step, &gt; 0.</summary>
    /// <value>The default is 1e-7.</value>
    public double StartLearningRate { get; set; } = DefaultStartLearningRate;

    /// <summary>The learning rate of the last step, &gt; <see cref="StartLearningRate"/>.</summary>
    /// <value>The default is 10.</value>
    public double EndLearningRate { get; set; } = DefaultEndLearningRate;

    /// <summary>Optimizer steps, at least <see cref="MinimumSteps"/>; the data is cycled through as often as needed.</summary>
    /// <value>The default is 100.</value>
    public int Steps { get; set; } = DefaultSteps;

    /// <summary>Samples per step.</summary>
    /// <value>The default is <see cref="Hyperparameters.DefaultBatchSize"/>.</value>
    public int BatchSize { get; set; } = Hyperparameters.DefaultBatchSize;

    /// <summary>The optimizer's name (one of <see cref="Optimizers.Names"/>), created with its own defaults.</summary>
    /// <value>The default is <see cref="Hyperparameters.DefaultOptimizer"/>.</value>
    public string Optimizer { get; set; } = Hyperparameters.DefaultOptimizer;

    /// <summary>The loss, or null for the data's default (cross-entropy for classes, mean squared error otherwise).</summary>
    public Loss? Loss { get; set; }

    /// <summary>Seed for building an unbuilt model, shuffling and dropout.</summary>
    /// <value>The default is 0.</value>
    public ulong Seed { get; set; }

    /// <summary>Compute threads, 1 to <see cref="TrainingOptions.MaxThreads"/>; results are identical for any value.</summary>
    /// <value>The default is <see cref="TrainingOptions.DefaultThreads"/>.</value>
    public int Threads { get; set; } = TrainingOptions.DefaultThreads;

    /// <summary>β of the exponential smoothing of the loss, in [0, 1) (0: no smoothing).</summary>
    /// <value>The default is 0.98.</value>
    public double Smoothing { get; set; } = DefaultSmoothing;

    /// <summary>Stop once the smoothed loss exceeds this many times the best smoothed loss so far (&gt; 1), or null to run every step.</summary>
    /// <value>The default is 4.</value>
    public double? DivergenceFactor { get; set; } = DefaultDivergenceFactor;
}
