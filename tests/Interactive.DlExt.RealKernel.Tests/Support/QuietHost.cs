using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>A notebook host without a notebook: variables in a dictionary, displays dropped. Runs a magic in the test
/// process, as a student's own run would, to write the manifest a student hands in.</summary>
public sealed class QuietHost : INotebookHost
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public CancellationToken CancellationToken => CancellationToken.None;

    public IDisplayHandle Display(object value) => new Handle();

    public bool TryGetVariable(string name, out object? value) => _variables.TryGetValue(name, out value);

    public Task SetVariableAsync(string name, object value, Type type)
    {
        _variables[name] = value;
        return Task.CompletedTask;
    }

    private sealed class Handle : IDisplayHandle
    {
        public void Update(object value)
        {
        }
    }
}
