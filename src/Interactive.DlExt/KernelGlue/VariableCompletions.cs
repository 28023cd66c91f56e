using Microsoft.DotNet.Interactive.CSharp;

namespace Interactive.DlExt.KernelGlue;

/// <summary>The user's C# variables whose values a magic option accepts, newest declaration first.</summary>
internal static class VariableCompletions
{
    public static IEnumerable<string> Names(CSharpKernel? csharp, IReadOnlyList<Type> accepts)
    {
        if (csharp?.ScriptState is not { } state || accepts.Count == 0)
        {
            return [];
        }

        return state.Variables
            .Reverse()
            .DistinctBy(v => v.Name)
            .Where(v => v.Value is { } value && accepts.Any(t => t.IsInstanceOfType(value)))
            .Select(v => v.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }
}
