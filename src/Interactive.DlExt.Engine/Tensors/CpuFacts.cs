using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Interactive.DlExt;

/// <summary>
/// What CPUID says about the CPU that matters to the GEMM tiling: vendor, family and model, the widest SIMD path,
/// how many 512-bit FMAs a core issues per cycle, and the L1 data and L2 cache sizes per core.
/// </summary>
/// <param name="Vendor">"AuthenticAMD", "GenuineIntel", or empty where CPUID is not available.</param>
/// <param name="Family">The display family (base + extended), e.g. 0x19 for Zen 4, 0x1A for Zen 5, 6 for Intel cores.</param>
/// <param name="Model">The display model (extended model included).</param>
/// <param name="Path">The widest SIMD path the kernels can use here.</param>
/// <param name="FmaPorts">512-bit FMAs issued per cycle per core: 2 or 1 on AVX-512 CPUs; 0 where unknown or irrelevant.</param>
/// <param name="L1DataBytes">The L1 data cache of one core, or 0 where unknown.</param>
/// <param name="L2Bytes">The L2 cache of one core, or 0 where unknown.</param>
internal readonly record struct CpuFacts(string Vendor, int Family, int Model, SimdPath Path, int FmaPorts, int L1DataBytes, int L2Bytes)
{
    /// <summary>The CPU this process runs on (read once).</summary>
    public static CpuFacts Current { get; } = Read();

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Vendor.Length == 0 ? "unknown vendor" : Vendor)} family 0x{Family:X} model 0x{Model:X}, {Path}, {FmaPorts} FMA port(s), L1d {L1DataBytes / 1024} KB, L2 {L2Bytes / 1024} KB");

    /// <summary>512-bit FMA ports per core. CPUID does not report it, so it is known per microarchitecture:
    /// Zen 5 (family 0x1A) has two full-width FMA pipes except its mobile parts (models 0x20–0x2F, 0x60–0x7F), which
    /// split 512-bit work like Zen 4 (family 0x19, one); Intel's Xeon server cores with AVX-512 (Skylake-SP to Granite
    /// Rapids) have two (some early Bronze/Silver parts have one and cannot be told apart), its client cores one.</summary>
    internal static int FmaPortsOf(string vendor, int family, int model, SimdPath path)
    {
        if (path != SimdPath.Vector512)
        {
            return 0;
        }

        return vendor switch
        {
            "AuthenticAMD" when family >= 0x1A => model is (>= 0x20 and <= 0x2F) or (>= 0x60 and <= 0x7F) ? 1 : 2,
            "AuthenticAMD" => 1,
            "GenuineIntel" when family == 6 && model is 0x55 or 0x6A or 0x6C or 0x8F or 0xCF or 0xAD or 0xAE => 2,
            _ => 1,
        };
    }

    private static CpuFacts Read()
    {
        var path = Simd.Best;
        if (!X86Base.IsSupported)
        {
            return new CpuFacts(string.Empty, 0, 0, path, 0, 0, 0);
        }

        var (maxLeaf, b, c, d) = X86Base.CpuId(0, 0);
        Span<int> words = [b, d, c];
        var vendor = Encoding.ASCII.GetString(MemoryMarshal.AsBytes(words));
        var (signature, _, _, _) = X86Base.CpuId(1, 0);
        int baseFamily = (signature >> 8) & 0xF, baseModel = (signature >> 4) & 0xF;
        var family = baseFamily == 0xF ? baseFamily + ((signature >> 20) & 0xFF) : baseFamily;
        var model = baseFamily is 0x6 or 0xF ? baseModel | (((signature >> 16) & 0xF) << 4) : baseModel;
        var (maxExtended, _, _, _) = X86Base.CpuId(unchecked((int)0x80000000), 0);
        var cacheLeaf = vendor == "GenuineIntel" ? (maxLeaf >= 4 ? 4 : 0)
            : (uint)maxExtended >= 0x8000001D ? unchecked((int)0x8000001D) : 0;
        var (l1, l2) = cacheLeaf == 0 ? (0, 0) : Caches(cacheLeaf);
        if (l1 == 0 && l2 == 0 && (uint)maxExtended >= 0x80000006)
        {
            // Hypervisors may zero the deterministic cache leaves (this project's Zen 5 VMs do); the older AMD leaves
            // 0x80000005/6 give the L1d and L2 sizes in KB (Intel reports only the L2 there).
            l1 = vendor == "AuthenticAMD" ? (int)(((uint)X86Base.CpuId(unchecked((int)0x80000005), 0).Ecx >> 24) * 1024) : 0;
            l2 = (int)(((uint)X86Base.CpuId(unchecked((int)0x80000006), 0).Ecx >> 16) * 1024);
        }

        return new CpuFacts(vendor, family, model, path, FmaPortsOf(vendor, family, model, path), l1, l2);
    }

    // CPUID leaf 4 (Intel) and 0x8000001D (AMD) share a layout: one sub-leaf per cache until type 0.
    private static (int L1Data, int L2) Caches(int leaf)
    {
        int l1 = 0, l2 = 0;
        for (var sub = 0; sub < 16; sub++)
        {
            var (eax, ebx, ecx, _) = X86Base.CpuId(leaf, sub);
            var type = eax & 0x1F;
            if (type == 0)
            {
                break;
            }

            var level = (eax >> 5) & 0x7;
            var bytes = (((ebx >> 22) & 0x3FF) + 1) * (((ebx >> 12) & 0x3FF) + 1) * ((ebx & 0xFFF) + 1) * (ecx + 1);
            if (level == 1 && type == 1)
            {
                l1 = bytes;
            }
            else if (level == 2 && type is 2 or 3)
            {
                l2 = bytes;
            }
        }

        return (l1, l2);
    }
}
