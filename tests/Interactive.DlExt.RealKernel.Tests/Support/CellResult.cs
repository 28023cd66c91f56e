namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>What one submitted cell produced, in arrival order.</summary>
public sealed class CellResult(string code, IReadOnlyList<KernelEvent> events, TimeSpan elapsed)
{
    public string Code { get; } = code;

    public IReadOnlyList<KernelEvent> Events { get; } = events;

    public TimeSpan Elapsed { get; } = elapsed;

    public bool Succeeded => Events.Count > 0 && Events[^1].Type == "CommandSucceeded";

    public string? FailureMessage => Events.LastOrDefault(e => e.Type == "CommandFailed")?.Message;

    /// <summary>Error output of any kind: a failed command, ErrorProduced, standard error, error diagnostics.</summary>
    public IReadOnlyList<string> Errors =>
    [
        .. Events.Where(e => e.Type is "CommandFailed" or "ErrorProduced").Select(e => e.Type + ": " + e.Message),
        .. Events.Where(e => e.Type == "StandardErrorValueProduced").Select(e => "stderr: " + string.Join(" ", e.FormattedValues.Values)),
        .. Events.Where(e => e.Type == "DiagnosticsProduced").SelectMany(e => e.Event.GetProperty("diagnostics").EnumerateArray())
            .Where(d => d.GetProperty("severity").GetString() == "error").Select(d => "diagnostic: " + d.GetProperty("message").GetString()),
    ];

    /// <summary>Display events (produced and updated) grouped by display id, in order.</summary>
    public IReadOnlyList<IGrouping<string, KernelEvent>> Displays =>
        Events.Where(e => e.Type is "DisplayedValueProduced" or "DisplayedValueUpdated" && e.ValueId is not null).GroupBy(e => e.ValueId!).ToList();

    public int UpdateCount => Events.Count(e => e.Type == "DisplayedValueUpdated");

    /// <summary>The last HTML each output of the cell shows (displays by id, then the return value).</summary>
    public IReadOnlyList<string> FinalHtml =>
    [
        .. Displays.Select(d => d.Last().FormattedValues.GetValueOrDefault("text/html")).OfType<string>(),
        .. Events.Where(e => e.Type == "ReturnValueProduced").Select(e => e.FormattedValues.GetValueOrDefault("text/html")).OfType<string>(),
    ];

    /// <summary>The cell's return value as text/plain, or its HTML when it has no plain text.</summary>
    public string? ReturnText =>
        Events.LastOrDefault(e => e.Type == "ReturnValueProduced") is { } r
            ? r.FormattedValues.GetValueOrDefault("text/plain") ?? r.FormattedValues.GetValueOrDefault("text/html")
            : null;

    public string Describe() =>
        $"cell:\n{Code}\n-> {(Succeeded ? "succeeded" : "failed")} in {Elapsed.TotalSeconds:F1} s\n" + string.Join("\n", Errors);
}
