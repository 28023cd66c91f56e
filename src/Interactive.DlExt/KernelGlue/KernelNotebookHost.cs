using Interactive.DlExt.Notebook;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Formatting;

namespace Interactive.DlExt.KernelGlue;

/// <summary>The library's <see cref="INotebookHost"/> over one kernel invocation: display, C# variables, cancellation.</summary>
internal sealed class KernelNotebookHost(KernelInvocationContext context, CSharpKernel? csharp) : INotebookHost
{
    public CancellationToken CancellationToken => context.CancellationToken;

    public IDisplayHandle Display(object value) => new DisplayHandle(context.Display(value));

    public bool TryGetVariable(string name, out object? value)
    {
        value = null;
        return csharp is not null && csharp.TryGetValue(name, out value);
    }

    public Task SetVariableAsync(string name, object value, Type type) =>
        csharp?.SetValueAsync(name, value, type)
        ?? throw new DlExtArgumentException("--out", name, "a notebook with a C# kernel (this kernel has none to store variables in)");

    private sealed class DisplayHandle(DisplayedValue displayed) : IDisplayHandle
    {
        public void Update(object value) => displayed.Update(value);
    }
}
