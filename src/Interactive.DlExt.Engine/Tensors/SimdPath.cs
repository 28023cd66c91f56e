using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>The instruction set a kernel runs with. Every path gives bit-identical results, because all of
/// them reduce each output element with fused multiply-adds in the same order.</summary>
internal enum SimdPath
{
    /// <summary>Plain scalar code with <see cref="MathF.FusedMultiplyAdd"/> (any CPU).</summary>
    Scalar,

    /// <summary>AVX2 + FMA, 8 lanes.</summary>
    Vector256,

    /// <summary>AVX-512F, 16 lanes.</summary>
    Vector512,
}

/// <summary>Chooses the <see cref="SimdPath"/> kernels run with; tests force a lower one to compare bytes.</summary>
internal static class Simd
{
    [ThreadStatic]
    private static SimdPath? _forced;

    /// <summary>The widest path this CPU supports.</summary>
    public static SimdPath Best { get; } =
        Avx512F.IsSupported && Fma.IsSupported ? SimdPath.Vector512
        : Avx2.IsSupported && Fma.IsSupported ? SimdPath.Vector256
        : SimdPath.Scalar;

    /// <summary>A path forced for kernels started from the current thread (null = <see cref="Best"/>).
    /// Thread-local so that tests running in parallel do not see each other's choice; kernels read it once on
    /// the calling thread and hand it to their workers.</summary>
    public static SimdPath? Forced
    {
        get => _forced;
        set
        {
            if (value > Best)
            {
                throw new PlatformNotSupportedException($"This CPU does not support {value}.");
            }

            _forced = value;
        }
    }

    /// <summary>The path a kernel started now on this thread uses.</summary>
    public static SimdPath Current => _forced ?? Best;
}
