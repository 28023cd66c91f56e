namespace Interactive.DlExt;

/// <summary>Creates optimizers by name (for notebook magics and command lines).</summary>
public static class Optimizers
{
    /// <summary>The accepted names, in the order they are usually taught.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"];

    /// <summary>Creates the optimizer called <paramref name="name"/> (case-insensitive); hyperparameters left null keep
    /// the optimizer's documented defaults.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="weightDecay">λ, ≥ 0, or null for the default (0.01 for adamw, 0 for the others).
    /// It is decoupled for adamw and coupled (g ← g + λθ) for the others.</param>
    /// <param name="momentum">β for momentum (exponential-average form), μ for nesterov; null for 0.9. Rejected by the others.</param>
    /// <param name="beta1">β₁ for adam and adamw; null for 0.9. Rejected by the others.</param>
    /// <param name="beta2">β₂ for adam and adamw; null for 0.999. Rejected by the others.</param>
    /// <exception cref="DlExtArgumentException">An unknown name (the message lists <see cref="Names"/>), a
    /// hyperparameter the optimizer does not have, or a bad value.</exception>
    public static Optimizer Create(string name, double learningRate, double? weightDecay = null,
        double? momentum = null, double? beta1 = null, double? beta2 = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        if (!Names.Contains(key))
        {
            throw new DlExtArgumentException("optimizer", $"\"{name}\"", "one of " + string.Join(", ", Names));
        }

        Unused(momentum, nameof(momentum), key, "momentum", "nesterov");
        Unused(beta1, nameof(beta1), key, "adam", "adamw");
        Unused(beta2, nameof(beta2), key, "adam", "adamw");
        var decay = weightDecay ?? 0;
        return key switch
        {
            "sgd" => new Sgd(learningRate, decay),
            "momentum" => new Momentum(learningRate, momentum ?? 0.9, weightDecay: decay),
            "nesterov" => new Nesterov(learningRate, momentum ?? 0.9, decay),
            "adagrad" => new AdaGrad(learningRate, weightDecay: decay),
            "rmsprop" => new RmsProp(learningRate, weightDecay: decay),
            "adam" => new Adam(learningRate, beta1 ?? 0.9, beta2 ?? 0.999, weightDecay: decay),
            _ => new AdamW(learningRate, beta1 ?? 0.9, beta2 ?? 0.999, weightDecay: weightDecay ?? 0.01),
        };
    }

    /// <summary>The learning-rate range worth searching for the optimizer called <paramref name="name"/> (case-insensitive):
    /// the one place sweeps, magics and command lines take their default range from. Plain gradient steps take large
    /// rates (sgd, momentum, nesterov: 1e-3 to 1), AdaGrad a little less (1e-3 to 0.5), and the methods that divide by a
    /// running gradient scale take small ones (rmsprop, adam, adamw: 1e-4 to 1e-2), so searching SGD over Adam's range
    /// would only try rates far too small for it.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The lowest and highest learning rate, to be searched on a log scale.</returns>
    /// <exception cref="DlExtArgumentException">An unknown name (the message lists <see cref="Names"/>).</exception>
    public static (double Min, double Max) LearningRateRange(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "sgd" or "momentum" or "nesterov" => (1e-3, 1),
            "adagrad" => (1e-3, 0.5),
            "rmsprop" or "adam" or "adamw" => (1e-4, 1e-2),
            _ => throw new DlExtArgumentException("optimizer", $"\"{name}\"", "one of " + string.Join(", ", Names)),
        };
    }

    private static void Unused(double? value, string parameter, string name, params string[] users)
    {
        if (value is { } given && !users.Contains(name))
        {
            throw new DlExtArgumentException(parameter, Guard.Text(given), $"no value for {name} (only {string.Join(" and ", users)} use {parameter})");
        }
    }
}
