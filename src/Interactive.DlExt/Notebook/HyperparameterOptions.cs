namespace Interactive.DlExt.Notebook;

/// <summary>Magic options made from the engine's <see cref="Hyperparameter"/> descriptors, so a magic's name, help,
/// default and range of a training setting are those of <see cref="Hyperparameters"/> and nowhere else.</summary>
internal static class HyperparameterOptions
{
    /// <summary>The option that sets one value of <paramref name="h"/> (#!train).</summary>
    public static MagicOption Value(Hyperparameter h, string? description = null) =>
        new(h.Option, description ?? h.Description, h.Kind switch
        {
            HyperparameterKind.WholeNumber => MagicOptionKind.WholeNumber,
            HyperparameterKind.Number => MagicOptionKind.Number,
            HyperparameterKind.Choice => MagicOptionKind.Choice,
            _ => MagicOptionKind.Text,
        })
        {
            Default = h.DefaultDisplay,
            Allowed = h.Choices,
            Minimum = h.Minimum,
            MinimumExclusive = h.MinimumExclusive,
            Maximum = h.Maximum,
            MaximumExclusive = h.MaximumExclusive,
        };

    /// <summary>The option that searches <paramref name="h"/> (#!sweep): a value, a list or a range.</summary>
    public static MagicOption Space(Hyperparameter h, string description) =>
        new(h.Option, description, MagicOptionKind.Space)
        {
            Default = h.UsedBy.Count > 0 ? null : h.DefaultDisplay,
            Allowed = h.Choices,
        };

    /// <summary>The option that takes a comma list of values of <paramref name="h"/>, each in its range or among its
    /// choices (#!descent runs one path per value).</summary>
    public static MagicOption List(Hyperparameter h, string description) =>
        new(h.Option, description, MagicOptionKind.List)
        {
            Default = h.DefaultDisplay,
            Allowed = h.Choices,
            Minimum = h.Minimum,
            MinimumExclusive = h.MinimumExclusive,
            Maximum = h.Maximum,
            MaximumExclusive = h.MaximumExclusive,
        };

    /// <summary>The value given for <paramref name="h"/>, else its default.</summary>
    public static double Number(this MagicArguments a, Hyperparameter h) =>
        a.NumberOrNull(h.Option) ?? h.Default ?? throw new InvalidOperationException($"{h.Name} has no default");

    /// <summary>The integer given for <paramref name="h"/>, else its default.</summary>
    public static int WholeNumber(this MagicArguments a, Hyperparameter h) =>
        a.WholeNumberOrNull(h.Option) ?? (int)(h.Default ?? throw new InvalidOperationException($"{h.Name} has no default"));
}
