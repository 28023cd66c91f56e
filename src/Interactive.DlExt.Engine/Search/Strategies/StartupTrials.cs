namespace Interactive.DlExt.Search;

/// <summary>
/// How many random trials a model-based strategy (TPE, GP) takes before it models, scaled to the budget: a fifth of
/// it, at least <see cref="Minimum"/> and at most <see cref="Maximum"/> (Optuna's fixed 10). With a fixed 10, a sweep
/// of 8 trials was random search under another name.
/// </summary>
public static class StartupTrials
{
    /// <summary>The fewest start-up trials: a model needs a few points to say anything.</summary>
    public const int Minimum = 3;

    /// <summary>The most start-up trials, reached at a budget of 50.</summary>
    public const int Maximum = 10;

    /// <summary>The start-up trials for a study of <paramref name="budget"/> trials.</summary>
    public static int For(int budget) => Math.Clamp((int)Math.Round(budget / 5.0, MidpointRounding.AwayFromZero), Minimum, Maximum);
}
