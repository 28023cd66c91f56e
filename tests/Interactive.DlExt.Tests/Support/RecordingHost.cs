using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.Tests.Support;

/// <summary>An <see cref="INotebookHost"/> that remembers every display, update and variable.</summary>
internal sealed class RecordingHost(CancellationToken cancellationToken = default) : INotebookHost
{
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Dictionary<string, object> Variables { get; } = new(StringComparer.Ordinal);

    public List<Output> Outputs { get; } = [];

    public IDisplayHandle Display(object value)
    {
        var output = new Output();
        output.Values.Add(value);
        Outputs.Add(output);
        return output;
    }

    public bool TryGetVariable(string name, out object? value)
    {
        var found = Variables.TryGetValue(name, out var v);
        value = v;
        return found;
    }

    public Task SetVariableAsync(string name, object value, Type type)
    {
        Assert.True(type.IsInstanceOfType(value), $"{name}: {value.GetType()} is not a {type}");
        Variables[name] = value;
        return Task.CompletedTask;
    }

    /// <summary>One displayed output and every value it was updated with.</summary>
    internal sealed class Output : IDisplayHandle
    {
        public List<object> Values { get; } = [];

        public object Last => Values[^1];

        public void Update(object value) => Values.Add(value);
    }
}
