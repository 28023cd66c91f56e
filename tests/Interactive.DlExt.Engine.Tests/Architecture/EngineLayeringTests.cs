namespace Interactive.DlExt.Tests.Architecture;

public sealed class EngineLayeringTests
{
    [Fact]
    public void The_engine_references_no_chart_formatting_or_notebook_assembly()
    {
        var references = typeof(Trainer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Interactive.DlExt", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("Interactive", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("Plotly", StringComparison.Ordinal));
    }

    [Fact]
    public void The_engine_depends_on_nothing_but_the_runtime_and_sqlite_for_studies()
    {
        var references = typeof(Trainer).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, r => Assert.True(
            r.StartsWith("System", StringComparison.Ordinal) || r is "netstandard" or "mscorlib" or "Microsoft.Data.Sqlite", r));
    }
}
