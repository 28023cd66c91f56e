using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Interactive.DlExt.Tests.Notebooks;

/// <summary>
/// Executes a notebook's C# cells in order the way the kernel would: magic lines through the library's
/// <see cref="MagicInvoker"/> first (with this runner as the host), then the rest of the cell as C# through
/// Roslyn scripting, sharing variables both ways. <c>#r "nuget: Interactive.DlExt…"</c> and <c>#i</c> lines are
/// skipped: the runner references the library directly. Any error fails the run with the cell's number.
/// </summary>
internal sealed class NotebookRunner : INotebookHost
{
    private static readonly ScriptOptions Options = ScriptOptions.Default
        .AddReferences(typeof(Trainer).Assembly, typeof(MagicInvoker).Assembly)
        .AddImports("System", "System.Linq", "System.Collections.Generic");

    private readonly NotebookGlobals _globals = new();
    private ScriptState<object>? _state;

    public CancellationToken CancellationToken => CancellationToken.None;

    /// <summary>Every displayed value (magic outputs and cells' trailing expressions) in order.</summary>
    public List<object> Displayed { get; } = [];

    public async Task RunAsync(string notebookPath)
    {
        var cells = Tutorials.CSharpCells(notebookPath);
        for (var i = 0; i < cells.Count; i++)
        {
            try
            {
                await RunCellAsync(cells[i]);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{Path.GetFileName(notebookPath)}, C# cell {i + 1} failed: {e.GetType().Name}: {e.Message}\n--- cell ---\n{cells[i]}");
            }
        }
    }

    public async Task RunCellAsync(string cell)
    {
        var lines = cell.Split('\n');
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var code = new List<string>();
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#r \"nuget:", StringComparison.Ordinal) || trimmed.StartsWith("#i ", StringComparison.Ordinal))
            {
                Assert.Single(lines, l => l.Trim().Length > 0); // the kernel needs such a line alone in its cell
                continue;
            }

            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = trimmed.Split(' ', 2)[0];
                counts.TryGetValue(name, out var occurrence);
                counts[name] = occurrence + 1;
                await MagicInvoker.InvokeAsync(this, cell, name, occurrence);
                continue;
            }

            code.Add(line);
        }

        var source = string.Join('\n', code);
        if (source.Trim().Length == 0)
        {
            return;
        }

        _state = _state is null
            ? await CSharpScript.RunAsync(source, Options, _globals)
            : await _state.ContinueWithAsync(source, Options);
        if (_state.ReturnValue is { } value)
        {
            Displayed.Add(value);
        }
    }

    public IDisplayHandle Display(object value)
    {
        var handle = new RecordingHost.Output();
        handle.Values.Add(value);
        Displayed.Add(handle);
        return handle;
    }

    public bool TryGetVariable(string name, out object? value)
    {
        var variable = _state?.Variables.LastOrDefault(v => v.Name == name);
        value = variable?.Value;
        return variable is not null;
    }

    public async Task SetVariableAsync(string name, object value, Type type)
    {
        _globals.Values[name] = value;
        var declaration = $"var {name} = ({type.FullName})Values[\"{name}\"];";
        _state = _state is null
            ? await CSharpScript.RunAsync(declaration, Options, _globals)
            : await _state.ContinueWithAsync(declaration, Options);
    }
}

/// <summary>What notebook scripts see as globals: the values magics hand over (public so scripts can bind to it).</summary>
public sealed class NotebookGlobals
{
    public Dictionary<string, object> Values { get; } = new(StringComparer.Ordinal);
}
