namespace Interactive.DlExt;

/// <summary>What kind of value a <see cref="Hyperparameter"/> takes.</summary>
public enum HyperparameterKind
{
    /// <summary>An integer (epochs, batch size, seed, threads).</summary>
    WholeNumber,

    /// <summary>A real number (learning rate, momentum, penalties).</summary>
    Number,

    /// <summary>One name out of a list (optimizer).</summary>
    Choice,

    /// <summary>Free text with its own syntax (a schedule such as step:size=10,gamma=0.5).</summary>
    Text,
}
