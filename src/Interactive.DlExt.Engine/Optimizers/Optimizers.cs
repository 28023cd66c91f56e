namespace Interactive.DlExt;

/// <summary>Creates optimizers by name (for notebook magics and command lines).</summary>
public static class Optimizers
{
    /// <summary>The accepted names, in the order they are usually taught.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"];

    /// <summary>Creates the optimizer called <paramref name="name"/> (case-insensitive); hyperparameters left null keep
    /// their defaults in <see cref="Hyperparameters"/>, which also says which optimizer takes which setting.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="learningRate">η, &gt; 0.</param>
    /// <param name="weightDecay">λ, ≥ 0, or null for the default (0.01 for adamw, 0 for the others).
    /// It is decoupled for adamw and coupled (g ← g + λθ) for the others.</param>
    /// <param name="momentum">β for momentum (exponential-average form), μ for nesterov; null for 0.9. Refused by the others.</param>
    /// <param name="beta1">β₁ for adam and adamw; null for 0.9. Refused by the others.</param>
    /// <param name="beta2">β₂ for adam and adamw; null for 0.999. Refused by the others.</param>
    /// <param name="rho">ρ, rmsprop's decay of its mean of g²; null for 0.9. Refused by the others.</param>
    /// <exception cref="DlExtArgumentException">An unknown name (the message lists <see cref="Names"/>), a
    /// hyperparameter the optimizer does not have, or a value out of its range.</exception>
    public static Optimizer Create(string name, double learningRate, double? weightDecay = null,
        double? momentum = null, double? beta1 = null, double? beta2 = null, double? rho = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        if (!Names.Contains(key))
        {
            throw new DlExtArgumentException("optimizer", $"\"{name}\"", "one of " + string.Join(", ", Names));
        }

        double Setting(Hyperparameter h, double? given)
        {
            if (given is { } value)
            {
                h.CheckUsedBy(key, value);
                return h.Check(value);
            }

            return h.DefaultFor(key) ?? 0;
        }

        var rate = Hyperparameters.LearningRate.Check(learningRate);
        var decay = Setting(Hyperparameters.WeightDecay, weightDecay);
        var m = Setting(Hyperparameters.Momentum, momentum);
        var b1 = Setting(Hyperparameters.Beta1, beta1);
        var b2 = Setting(Hyperparameters.Beta2, beta2);
        var r = Setting(Hyperparameters.Rho, rho);
        return key switch
        {
            "sgd" => new Sgd(rate, decay),
            "momentum" => new Momentum(rate, m, weightDecay: decay),
            "nesterov" => new Nesterov(rate, m, decay),
            "adagrad" => new AdaGrad(rate, weightDecay: decay),
            "rmsprop" => new RmsProp(rate, r, weightDecay: decay),
            "adam" => new Adam(rate, b1, b2, weightDecay: decay),
            _ => new AdamW(rate, b1, b2, weightDecay: decay),
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
}
