namespace Interactive.DlExt.Tests.Support;

/// <summary>
/// The slice of the .NET Interactive kernel API that extension.dib uses, with the signatures of the current
/// kernel (KernelActionDirective era, Oct 2024+). The real package is not served here, so the glue is compiled
/// against this shape: a renamed or mistyped library member used by the glue fails the build of the test.
/// </summary>
internal static class KernelApiShape
{
    public const string Source = """
        namespace Microsoft.DotNet.Interactive.Commands
        {
            public abstract class KernelCommand { public KernelCommand Parent { get; set; } }
            public abstract class KernelDirectiveCommand : KernelCommand { }
            public class SubmitCode : KernelCommand { public string Code { get; set; } }
        }
        namespace Microsoft.DotNet.Interactive.Directives
        {
            public class KernelDirectiveParameter
            {
                public KernelDirectiveParameter(string name, string description = null) { }
                public bool Flag { get; set; }
                public bool AllowImplicitName { get; set; }
                public void AddCompletions(System.Func<System.Collections.Generic.IEnumerable<string>> getCompletions) { }
            }
            public class KernelActionDirective
            {
                public KernelActionDirective(string name) { }
                public string Description { get; set; }
                public System.Collections.Generic.ICollection<KernelDirectiveParameter> Parameters { get; } = new System.Collections.Generic.List<KernelDirectiveParameter>();
            }
        }
        namespace Microsoft.DotNet.Interactive
        {
            public class DisplayedValue { public void Update(object updatedValue) { } }
            public class KernelInvocationContext
            {
                public System.Threading.CancellationToken CancellationToken => default;
                public void Fail(Microsoft.DotNet.Interactive.Commands.KernelCommand command, System.Exception exception = null, string message = null) { }
            }
            public static class KernelInvocationContextExtensions
            {
                public static DisplayedValue Display(this KernelInvocationContext context, object value, params string[] mimeTypes) => new DisplayedValue();
            }
            public class Kernel
            {
                public static Kernel Root => null;
                public System.Collections.Generic.IEnumerable<Kernel> FindKernels(System.Func<Kernel, bool> predicate) => null;
                public void AddDirective<TCommand>(Microsoft.DotNet.Interactive.Directives.KernelActionDirective directive,
                    System.Func<TCommand, KernelInvocationContext, System.Threading.Tasks.Task> handler)
                    where TCommand : Microsoft.DotNet.Interactive.Commands.KernelCommand { }
            }
        }
        namespace Microsoft.DotNet.Interactive.CSharp
        {
            public class CSharpKernel : Microsoft.DotNet.Interactive.Kernel
            {
                public bool TryGetValue<T>(string name, out T value) { value = default; return false; }
                public System.Threading.Tasks.Task SetValueAsync(string name, object value, System.Type declaredType) => System.Threading.Tasks.Task.CompletedTask;
            }
        }
        """;
}
