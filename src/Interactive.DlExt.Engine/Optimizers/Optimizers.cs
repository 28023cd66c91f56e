namespace Interactive.DlExt;

/// <summary>Creates optimizers by name (for notebook magics and command lines).</summary>
public static class Optimizers
{
    /// <summary>The accepted names, in the order they are usually taught.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"];

    /// <summary>Creates the optimizer called <paramref name="name"/> (case-insensitive) with its default
    /// hyperparameters apart from the learning rate and, when given, the weight decay.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="weightDecay">λ, ≥ 0; null keeps the optimizer's default (0.01 for adamw, 0 for the others).
    /// It is decoupled for adamw and coupled (g ← g + λθ) for the others.</param>
    /// <exception cref="DlExtArgumentException">An unknown name (the message lists <see cref="Names"/>) or a bad value.</exception>
    public static Optimizer Create(string name, double learningRate, double? weightDecay = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decay = weightDecay ?? 0;
        return name.Trim().ToLowerInvariant() switch
        {
            "sgd" => new Sgd(learningRate, decay),
            "momentum" => new Momentum(learningRate, weightDecay: decay),
            "nesterov" => new Nesterov(learningRate, weightDecay: decay),
            "adagrad" => new AdaGrad(learningRate, weightDecay: decay),
            "rmsprop" => new RmsProp(learningRate, weightDecay: decay),
            "adam" => new Adam(learningRate, weightDecay: decay),
            "adamw" => weightDecay is null ? new AdamW(learningRate) : new AdamW(learningRate, weightDecay: decay),
            _ => throw new DlExtArgumentException("optimizer", $"\"{name}\"", "one of " + string.Join(", ", Names)),
        };
    }
}
