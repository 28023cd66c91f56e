namespace Interactive.DlExt.Search;

/// <summary>The sweep's rule of thumb: a best value that sits on the edge of a searched range means the optimum may lie
/// outside it, so the range should be widened that way before the result is trusted.</summary>
public static class SweepAdvisor
{
    /// <summary>How close to an edge counts as "on" it: this fraction of the range (of its logarithm for a log range).</summary>
    public const double EdgeFraction = 0.05;

    /// <summary>The notes that apply to <paramref name="result"/> (none before a trial completes).</summary>
    public static IReadOnlyList<Advice> For(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var notes = new List<Advice>();
        if (result.Best is not { } best || !result.IsFinished)
        {
            return notes;
        }

        foreach (var parameter in result.Space.Parameters.OfType<NumericParameter>())
        {
            if (!best.Parameters.Has(parameter.Name) || parameter.High <= parameter.Low)
            {
                continue;
            }

            var value = best.Parameters.Double(parameter.Name);
            double Scale(double x) => parameter.IsLog ? Math.Log(x) : x;
            var position = (Scale(value) - Scale(parameter.Low)) / (Scale(parameter.High) - Scale(parameter.Low));
            if (position is > EdgeFraction and < 1 - EdgeFraction)
            {
                continue;
            }

            var low = position <= EdgeFraction;
            var edge = low ? parameter.Low : parameter.High;
            var wider = parameter.IsLog ? (low ? edge / 10 : edge * 10) : (low ? edge - (parameter.High - parameter.Low) : edge + (parameter.High - parameter.Low));
            notes.Add(new Advice("range edge",
                $"the best trial's {parameter.Name} = {NumberText.General(value, 4)} sits at the {(low ? "low" : "high")} edge of the searched range {NumberText.General(parameter.Low, 4)}..{NumberText.General(parameter.High, 4)}",
                "the best setting may lie outside the range, where no trial looked",
                $"widen the range past that edge (e.g. to {NumberText.General(low ? wider : parameter.Low, 4)}..{NumberText.General(low ? parameter.High : wider, 4)}) and sweep again"));
        }

        return notes;
    }

}
