namespace Interactive.DlExt.Notebook;

/// <summary>
/// Runs magics and <c>Dl</c> requests in a terminal: live training shows as a progress line
/// (rewritten in place on an interactive terminal, one line per epoch when output is redirected), other
/// values print their plain-text summary, and variables live in <see cref="Variables"/>.
/// </summary>
public sealed class ConsoleHost : INotebookHost
{
    private readonly TextWriter _output;
    private readonly bool _rewrite;

    /// <summary>Creates a host writing to <paramref name="output"/>.</summary>
    /// <param name="output">Where progress and summaries go.</param>
    /// <param name="rewriteLine">Whether to redraw the progress line in place with a carriage return (an interactive terminal).</param>
    /// <param name="cancellationToken">Cancels training (wire Ctrl+C to it).</param>
    public ConsoleHost(TextWriter output, bool rewriteLine = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _rewrite = rewriteLine;
        CancellationToken = cancellationToken;
    }

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; }

    /// <summary>Every finished epoch reaches a redirected log; an interactive line is redrawn at most 10 times a second.</summary>
    public TimeSpan MinimumUpdateInterval => _rewrite ? TimeSpan.FromMilliseconds(100) : TimeSpan.Zero;

    /// <summary>The variables magics read and write.</summary>
    public Dictionary<string, object> Variables { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IDisplayHandle Display(object value)
    {
        var handle = new Handle(this);
        handle.Update(value);
        return handle;
    }

    /// <inheritdoc />
    public bool TryGetVariable(string name, out object? value)
    {
        var found = Variables.TryGetValue(name, out var v);
        value = v;
        return found;
    }

    /// <inheritdoc />
    public Task SetVariableAsync(string name, object value, Type type)
    {
        Variables[name] = value;
        return Task.CompletedTask;
    }

    private sealed class Handle(ConsoleHost host) : IDisplayHandle
    {
        private int _epochsPrinted;
        private bool _open;
        private bool _summaryPrinted;

        public void Update(object value)
        {
            var output = host._output;
            if (value is not TrainingHistory history)
            {
                CloseLine();
                output.WriteLine(value.ToString());
                return;
            }

            if (history.IsComplete && _summaryPrinted)
            {
                return;
            }

            if (host._rewrite)
            {
                output.Write("\r" + ProgressLine.Format(history).PadRight(100));
                _open = true;
            }
            else if (history.Epochs.Count != _epochsPrinted)
            {
                // Redirected output: one line per finished epoch.
                _epochsPrinted = history.Epochs.Count;
                output.WriteLine(ProgressLine.Format(history));
            }

            if (history.IsComplete)
            {
                CloseLine();
                output.WriteLine(ProgressLine.Summary(history));
                _summaryPrinted = true;
            }
        }

        private void CloseLine()
        {
            if (_open)
            {
                host._output.WriteLine();
                _open = false;
            }
        }
    }
}
