namespace Interactive.DlExt.Notebook;

/// <summary>
/// Runs magics and <c>Dl</c> requests without a notebook and collects every output in its final state,
/// then <see cref="Save"/> writes them into one self-contained HTML file (the same views a notebook shows).
/// Optionally echoes progress to a console host at the same time.
/// </summary>
public sealed class ReportHost : INotebookHost
{
    private readonly List<Slot> _outputs = [];
    private readonly INotebookHost? _echo;

    /// <summary>Creates a host; <paramref name="echo"/> (e.g. a <see cref="ConsoleHost"/>) also receives every output.</summary>
    public ReportHost(INotebookHost? echo = null, CancellationToken cancellationToken = default)
    {
        _echo = echo;
        CancellationToken = echo?.CancellationToken ?? cancellationToken;
    }

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; }

    /// <inheritdoc />
    public TimeSpan MinimumUpdateInterval => _echo?.MinimumUpdateInterval ?? TimeSpan.FromMilliseconds(500);

    /// <summary>The variables magics read and write (shared with the echo host when there is one).</summary>
    public Dictionary<string, object> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Every output in its latest state, in display order.</summary>
    public IReadOnlyList<object> Outputs => _outputs.Select(o => o.Value).ToList();

    /// <inheritdoc />
    public IDisplayHandle Display(object value)
    {
        var slot = new Slot(value, _echo?.Display(value));
        _outputs.Add(slot);
        return slot;
    }

    /// <inheritdoc />
    public bool TryGetVariable(string name, out object? value)
    {
        if (Variables.TryGetValue(name, out var v))
        {
            value = v;
            return true;
        }

        value = null;
        return _echo?.TryGetVariable(name, out value) ?? false;
    }

    /// <inheritdoc />
    public async Task SetVariableAsync(string name, object value, Type type)
    {
        Variables[name] = value;
        if (_echo is not null)
        {
            await _echo.SetVariableAsync(name, value, type).ConfigureAwait(false);
        }
    }

    /// <summary>Writes every output (status lines left out) into one self-contained HTML file, atomically.</summary>
    public void Save(string path, string title = "Interactive.DlExt report") =>
        HtmlReport.Save(path, title, [.. _outputs.Select(o => o.Value).Where(v => v is not TrainingStatus)]);

    private sealed class Slot(object value, IDisplayHandle? echo) : IDisplayHandle
    {
        public object Value { get; private set; } = value;

        public void Update(object value)
        {
            Value = value;
            echo?.Update(value);
        }
    }
}
