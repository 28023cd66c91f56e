using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>
/// One GEMM problem over raw pointers (the caller keeps the arrays pinned):
/// C[M×N] = (Accumulate ? C : 0) + Σ_b op(A_b)·op(B_b), then the epilogue, where op(A_b) is M×K at
/// A + b·BatchStrideA (stored K×M with leading dimension Lda when transposed) and op(B_b) is K×N at
/// B + b·BatchStrideB (stored N×K when transposed). The batch sum lets a convolution's weight gradient be
/// one reduction over all images, in image order, split across threads by output tile.
/// </summary>
internal unsafe struct GemmOperands
{
    public int M;
    public int N;
    public int K;
    public float* A;
    public nint Lda;
    public bool TransposeA;
    public nint BatchStrideA;
    public float* B;
    public nint Ldb;
    public bool TransposeB;
    public nint BatchStrideB;
    public float* C;
    public nint Ldc;
    public int Batch;
    public bool Accumulate;
    public GemmEpilogue Epilogue;
    public SimdPath Path;

    /// <summary>The register tile and depth; left default, the driver uses <see cref="GemmTuning.Current"/> of the thread
    /// that starts it.</summary>
    public GemmTiling Tiling;

    /// <summary>A plain, densely stored problem for the given transposes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static GemmOperands Dense(bool transposeA, bool transposeB, int m, int n, int k, float* a, float* b, float* c) => new()
    {
        M = m,
        N = n,
        K = k,
        A = a,
        Lda = transposeA ? m : k,
        TransposeA = transposeA,
        B = b,
        Ldb = transposeB ? k : n,
        TransposeB = transposeB,
        C = c,
        Ldc = n,
        Batch = 1,
        Path = Simd.Current,
        Tiling = GemmTuning.Current,
    };
}

/// <summary>What happens to each finished C element, in this order: + Bias[j], then ReLU.</summary>
internal unsafe struct GemmEpilogue
{
    public float* Bias;
    public bool Relu;

    public readonly bool Any => Bias != null || Relu;
}
