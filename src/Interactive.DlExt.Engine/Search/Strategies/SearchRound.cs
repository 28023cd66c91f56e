namespace Interactive.DlExt.Search;

/// <summary>One round of a coarse-to-fine search: its trials and the box each parameter was sampled from.</summary>
public sealed class SearchRound
{
    internal SearchRound(int index, int firstTrialNumber, int trialCount, IReadOnlyList<ParameterBox> boxes)
    {
        Index = index;
        FirstTrialNumber = firstTrialNumber;
        TrialCount = trialCount;
        Boxes = boxes;
    }

    /// <summary>The round number, from 0 (the whole space).</summary>
    public int Index { get; }

    /// <summary>The number of the round's first trial.</summary>
    public int FirstTrialNumber { get; }

    /// <summary>How many trials the round holds.</summary>
    public int TrialCount { get; }

    /// <summary>One box per parameter, in space order.</summary>
    public IReadOnlyList<ParameterBox> Boxes { get; }

    /// <summary>The box of <paramref name="name"/>.</summary>
    public ParameterBox this[string name] =>
        Boxes.FirstOrDefault(b => b.Parameter.Name == name) ?? throw new DlExtArgumentException("parameter", name, "a parameter of the space");

    /// <inheritdoc />
    public override string ToString() => $"round {Index} (trials {FirstTrialNumber}–{FirstTrialNumber + TrialCount - 1}): {string.Join("; ", Boxes)}";
}
