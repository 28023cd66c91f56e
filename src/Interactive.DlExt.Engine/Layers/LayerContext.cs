namespace Interactive.DlExt;

/// <summary>What a layer's forward and backward pass may use: the threads, the mode and a seeded generator.</summary>
public sealed class LayerContext
{
    /// <summary>Creates a context.</summary>
    public LayerContext(ComputePool pool, RandomSource random, bool training = false)
    {
        Pool = pool;
        Random = random;
        Training = training;
    }

    /// <summary>The threads kernels run on.</summary>
    public ComputePool Pool { get; }

    /// <summary>The generator for stochastic layers (dropout); drawn from serially so results stay thread-count independent.</summary>
    public RandomSource Random { get; }

    /// <summary>True while training (dropout active, batch norm uses batch statistics).</summary>
    public bool Training { get; set; }
}
