using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;

namespace Interactive.DlExt.KernelGlue;

/// <summary>
/// What <c>extension.dib</c> calls when <c>#r "nuget: Interactive.DlExt"</c> loads the package: declares every
/// magic of <see cref="Notebook.DlExtMagics"/> on the kernel. Compiled against the kernel packages it was tested
/// with (<see cref="Notebook.DlExtMagics.TestedKernelVersion"/>), so the compiler, not the first user, finds an API change.
/// </summary>
public static class DlExtKernelExtension
{
    /// <summary>Declares the magics on <paramref name="root"/> (the kernel's root, <c>Kernel.Root</c>).</summary>
    /// <exception cref="InvalidOperationException">The kernel's API differs from the tested build; the message says which build works.</exception>
    public static void Load(Kernel root)
    {
        ArgumentNullException.ThrowIfNull(root);
        try
        {
            // Compile every glue method now, so a kernel API that moved fails here, once, with the message below,
            // not later inside the first #!train (a method's missing type only surfaces when it is compiled).
            foreach (var type in typeof(DlExtKernelExtension).Assembly.GetTypes().Where(t => t.Namespace == typeof(DlExtKernelExtension).Namespace && !t.ContainsGenericParameters))
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    if (!method.IsAbstract && !method.ContainsGenericParameters)
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    }
                }
            }

            MagicDirectives.Register(root);
        }
        catch (Exception e) when (e is MissingMemberException or TypeLoadException or FileNotFoundException or ReflectionTypeLoadException)
        {
            // An older or newer kernel whose magic-command API moved: say what works instead of a bare MissingMethodException.
            throw new InvalidOperationException(
                $"Interactive.DlExt could not declare its magics: this kernel's API differs from the tested .NET Interactive {Notebook.DlExtMagics.TestedKernelVersion} " +
                $"(dotnet-interactive tool 1.0.712001, Polyglot Notebooks' last release). Update the kernel to that build. Details: {e.Message}", e);
        }
    }
}
