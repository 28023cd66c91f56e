using System.Reflection;
using System.Runtime.InteropServices;

namespace Interactive.DlExt;

/// <summary>Where a run ran: what can change its bits (package version, SIMD path) and what helps explain a difference
/// (runtime, operating system, processor).</summary>
/// <param name="Package">The engine's version, e.g. "0.1.0+abc123".</param>
/// <param name="Runtime">The .NET runtime, e.g. ".NET 10.0.1".</param>
/// <param name="OperatingSystem">The operating system, e.g. "Debian GNU/Linux 12 (bookworm)".</param>
/// <param name="Architecture">The processor architecture, e.g. "X64".</param>
/// <param name="Simd">The SIMD path of the kernels: "Vector512", "Vector256" or "Scalar".</param>
public sealed record RunEnvironment(string Package, string Runtime, string OperatingSystem, string Architecture, string Simd)
{
    /// <summary>This process's environment (the SIMD path as kernels started on this thread use it).</summary>
    public static RunEnvironment Current => new(
        PackageVersion,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        DlExt.Simd.Current.ToString());

    /// <summary>The engine's informational version.</summary>
    public static string PackageVersion { get; } =
        typeof(RunEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunEnvironment).Assembly.GetName().Version?.ToString() ?? "unknown";
}
