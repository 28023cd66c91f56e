namespace Interactive.DlExt.Tests.Formatting;

/// <summary>The kernel's <c>Formatter</c> is global static state: tests that use it run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelFormatterGroup
{
    public const string Name = "Formatter";
}
