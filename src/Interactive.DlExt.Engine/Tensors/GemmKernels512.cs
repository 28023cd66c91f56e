using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// The AVX-512 micro-kernels: each updates a rows×32 tile of C held in 2·rows vector registers:
/// acc = (load ? C : 0), then acc = fma(a[k], b[k], acc) for k in order, then C = acc. They differ only in how many
/// rows they hold, so every element is the same FMA chain whichever kernel computes it (see <see cref="GemmKernels"/>).
/// A panel is packed mr rows wide (<see cref="GemmTiling.Rows"/>); a kernel may use fewer rows of it.
/// Written out by hand (one accumulator variable per register) because the JIT keeps only locals in registers.
/// </summary>
internal static unsafe class GemmKernels512
{
    /// <summary>Runs the kernel of <paramref name="rows"/> rows (4, 6, 8 or 12).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Kernel(int rows, int kc, float* a, int mr, float* b, float* c, nint ldc, bool load)
    {
        switch (rows)
        {
            case 4:
                Kernel4x32(kc, a, mr, b, c, ldc, load);
                break;
            case 6:
                Kernel6x32(kc, a, mr, b, c, ldc, load);
                break;
            case 8:
                Kernel8x32(kc, a, mr, b, c, ldc, load);
                break;
            default:
                Kernel12x32(kc, a, mr, b, c, ldc, load);
                break;
        }
    }

    /// <summary>The fewest kernel rows (4, 6, 8, 12) covering <paramref name="rows"/>.</summary>
    public static int KernelRows(int rows) => rows <= 4 ? 4 : rows <= 6 ? 6 : rows <= 8 ? 8 : 12;

    /// <summary>The 4×32 AVX-512 kernel over packed panels a[k·mr + r] (r &lt; 4 ≤ mr) and b[k·32 + j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel4x32(int kc, float* a, int mr, float* b, float* c, nint ldc, bool load)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31;
        if (load)
        {
            c00 = Avx512F.LoadVector512(c);
            c01 = Avx512F.LoadVector512(c + 16);
            c10 = Avx512F.LoadVector512(c + ldc);
            c11 = Avx512F.LoadVector512(c + ldc + 16);
            c20 = Avx512F.LoadVector512(c + (2 * ldc));
            c21 = Avx512F.LoadVector512(c + (2 * ldc) + 16);
            c30 = Avx512F.LoadVector512(c + (3 * ldc));
            c31 = Avx512F.LoadVector512(c + (3 * ldc) + 16);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector512<float>.Zero;
        }

        for (var k = 0; k < kc; k++, a += mr, b += 32)
        {
            var b0 = Avx512F.LoadVector512(b);
            var b1 = Avx512F.LoadVector512(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
        }

        Avx512F.Store(c, c00);
        Avx512F.Store(c + 16, c01);
        Avx512F.Store(c + ldc, c10);
        Avx512F.Store(c + ldc + 16, c11);
        Avx512F.Store(c + (2 * ldc), c20);
        Avx512F.Store(c + (2 * ldc) + 16, c21);
        Avx512F.Store(c + (3 * ldc), c30);
        Avx512F.Store(c + (3 * ldc) + 16, c31);
    }

    /// <summary>The 6×32 AVX-512 kernel over packed panels a[k·mr + r] (r &lt; 6 ≤ mr) and b[k·32 + j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x32(int kc, float* a, int mr, float* b, float* c, nint ldc, bool load)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (load)
        {
            c00 = Avx512F.LoadVector512(c);
            c01 = Avx512F.LoadVector512(c + 16);
            c10 = Avx512F.LoadVector512(c + ldc);
            c11 = Avx512F.LoadVector512(c + ldc + 16);
            c20 = Avx512F.LoadVector512(c + (2 * ldc));
            c21 = Avx512F.LoadVector512(c + (2 * ldc) + 16);
            c30 = Avx512F.LoadVector512(c + (3 * ldc));
            c31 = Avx512F.LoadVector512(c + (3 * ldc) + 16);
            c40 = Avx512F.LoadVector512(c + (4 * ldc));
            c41 = Avx512F.LoadVector512(c + (4 * ldc) + 16);
            c50 = Avx512F.LoadVector512(c + (5 * ldc));
            c51 = Avx512F.LoadVector512(c + (5 * ldc) + 16);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = Vector512<float>.Zero;
        }

        for (var k = 0; k < kc; k++, a += mr, b += 32)
        {
            var b0 = Avx512F.LoadVector512(b);
            var b1 = Avx512F.LoadVector512(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(x, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(x, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
        }

        Avx512F.Store(c, c00);
        Avx512F.Store(c + 16, c01);
        Avx512F.Store(c + ldc, c10);
        Avx512F.Store(c + ldc + 16, c11);
        Avx512F.Store(c + (2 * ldc), c20);
        Avx512F.Store(c + (2 * ldc) + 16, c21);
        Avx512F.Store(c + (3 * ldc), c30);
        Avx512F.Store(c + (3 * ldc) + 16, c31);
        Avx512F.Store(c + (4 * ldc), c40);
        Avx512F.Store(c + (4 * ldc) + 16, c41);
        Avx512F.Store(c + (5 * ldc), c50);
        Avx512F.Store(c + (5 * ldc) + 16, c51);
    }

    /// <summary>The 8×32 AVX-512 kernel over packed panels a[k·mr + r] (r &lt; 8 ≤ mr) and b[k·32 + j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel8x32(int kc, float* a, int mr, float* b, float* c, nint ldc, bool load)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load)
        {
            c00 = Avx512F.LoadVector512(c);
            c01 = Avx512F.LoadVector512(c + 16);
            c10 = Avx512F.LoadVector512(c + ldc);
            c11 = Avx512F.LoadVector512(c + ldc + 16);
            c20 = Avx512F.LoadVector512(c + (2 * ldc));
            c21 = Avx512F.LoadVector512(c + (2 * ldc) + 16);
            c30 = Avx512F.LoadVector512(c + (3 * ldc));
            c31 = Avx512F.LoadVector512(c + (3 * ldc) + 16);
            c40 = Avx512F.LoadVector512(c + (4 * ldc));
            c41 = Avx512F.LoadVector512(c + (4 * ldc) + 16);
            c50 = Avx512F.LoadVector512(c + (5 * ldc));
            c51 = Avx512F.LoadVector512(c + (5 * ldc) + 16);
            c60 = Avx512F.LoadVector512(c + (6 * ldc));
            c61 = Avx512F.LoadVector512(c + (6 * ldc) + 16);
            c70 = Avx512F.LoadVector512(c + (7 * ldc));
            c71 = Avx512F.LoadVector512(c + (7 * ldc) + 16);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = Vector512<float>.Zero;
        }

        for (var k = 0; k < kc; k++, a += mr, b += 32)
        {
            var b0 = Avx512F.LoadVector512(b);
            var b1 = Avx512F.LoadVector512(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(x, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(x, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(x, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(x, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
        }

        Avx512F.Store(c, c00);
        Avx512F.Store(c + 16, c01);
        Avx512F.Store(c + ldc, c10);
        Avx512F.Store(c + ldc + 16, c11);
        Avx512F.Store(c + (2 * ldc), c20);
        Avx512F.Store(c + (2 * ldc) + 16, c21);
        Avx512F.Store(c + (3 * ldc), c30);
        Avx512F.Store(c + (3 * ldc) + 16, c31);
        Avx512F.Store(c + (4 * ldc), c40);
        Avx512F.Store(c + (4 * ldc) + 16, c41);
        Avx512F.Store(c + (5 * ldc), c50);
        Avx512F.Store(c + (5 * ldc) + 16, c51);
        Avx512F.Store(c + (6 * ldc), c60);
        Avx512F.Store(c + (6 * ldc) + 16, c61);
        Avx512F.Store(c + (7 * ldc), c70);
        Avx512F.Store(c + (7 * ldc) + 16, c71);
    }

    /// <summary>The 12×32 AVX-512 kernel over packed panels a[k·mr + r] (r &lt; 12 ≤ mr) and b[k·32 + j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel12x32(int kc, float* a, int mr, float* b, float* c, nint ldc, bool load)
    {
        Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71, c80, c81, c90, c91, c100, c101, c110, c111;
        if (load)
        {
            c00 = Avx512F.LoadVector512(c);
            c01 = Avx512F.LoadVector512(c + 16);
            c10 = Avx512F.LoadVector512(c + ldc);
            c11 = Avx512F.LoadVector512(c + ldc + 16);
            c20 = Avx512F.LoadVector512(c + (2 * ldc));
            c21 = Avx512F.LoadVector512(c + (2 * ldc) + 16);
            c30 = Avx512F.LoadVector512(c + (3 * ldc));
            c31 = Avx512F.LoadVector512(c + (3 * ldc) + 16);
            c40 = Avx512F.LoadVector512(c + (4 * ldc));
            c41 = Avx512F.LoadVector512(c + (4 * ldc) + 16);
            c50 = Avx512F.LoadVector512(c + (5 * ldc));
            c51 = Avx512F.LoadVector512(c + (5 * ldc) + 16);
            c60 = Avx512F.LoadVector512(c + (6 * ldc));
            c61 = Avx512F.LoadVector512(c + (6 * ldc) + 16);
            c70 = Avx512F.LoadVector512(c + (7 * ldc));
            c71 = Avx512F.LoadVector512(c + (7 * ldc) + 16);
            c80 = Avx512F.LoadVector512(c + (8 * ldc));
            c81 = Avx512F.LoadVector512(c + (8 * ldc) + 16);
            c90 = Avx512F.LoadVector512(c + (9 * ldc));
            c91 = Avx512F.LoadVector512(c + (9 * ldc) + 16);
            c100 = Avx512F.LoadVector512(c + (10 * ldc));
            c101 = Avx512F.LoadVector512(c + (10 * ldc) + 16);
            c110 = Avx512F.LoadVector512(c + (11 * ldc));
            c111 = Avx512F.LoadVector512(c + (11 * ldc) + 16);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = c80 = c81 = c90 = c91 = c100 = c101 = c110 = c111 = Vector512<float>.Zero;
        }

        for (var k = 0; k < kc; k++, a += mr, b += 32)
        {
            var b0 = Avx512F.LoadVector512(b);
            var b1 = Avx512F.LoadVector512(b + 16);
            var x = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(x, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(x, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(x, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(x, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
            x = Vector512.Create(a[8]);
            c80 = Avx512F.FusedMultiplyAdd(x, b0, c80);
            c81 = Avx512F.FusedMultiplyAdd(x, b1, c81);
            x = Vector512.Create(a[9]);
            c90 = Avx512F.FusedMultiplyAdd(x, b0, c90);
            c91 = Avx512F.FusedMultiplyAdd(x, b1, c91);
            x = Vector512.Create(a[10]);
            c100 = Avx512F.FusedMultiplyAdd(x, b0, c100);
            c101 = Avx512F.FusedMultiplyAdd(x, b1, c101);
            x = Vector512.Create(a[11]);
            c110 = Avx512F.FusedMultiplyAdd(x, b0, c110);
            c111 = Avx512F.FusedMultiplyAdd(x, b1, c111);
        }

        Avx512F.Store(c, c00);
        Avx512F.Store(c + 16, c01);
        Avx512F.Store(c + ldc, c10);
        Avx512F.Store(c + ldc + 16, c11);
        Avx512F.Store(c + (2 * ldc), c20);
        Avx512F.Store(c + (2 * ldc) + 16, c21);
        Avx512F.Store(c + (3 * ldc), c30);
        Avx512F.Store(c + (3 * ldc) + 16, c31);
        Avx512F.Store(c + (4 * ldc), c40);
        Avx512F.Store(c + (4 * ldc) + 16, c41);
        Avx512F.Store(c + (5 * ldc), c50);
        Avx512F.Store(c + (5 * ldc) + 16, c51);
        Avx512F.Store(c + (6 * ldc), c60);
        Avx512F.Store(c + (6 * ldc) + 16, c61);
        Avx512F.Store(c + (7 * ldc), c70);
        Avx512F.Store(c + (7 * ldc) + 16, c71);
        Avx512F.Store(c + (8 * ldc), c80);
        Avx512F.Store(c + (8 * ldc) + 16, c81);
        Avx512F.Store(c + (9 * ldc), c90);
        Avx512F.Store(c + (9 * ldc) + 16, c91);
        Avx512F.Store(c + (10 * ldc), c100);
        Avx512F.Store(c + (10 * ldc) + 16, c101);
        Avx512F.Store(c + (11 * ldc), c110);
        Avx512F.Store(c + (11 * ldc) + 16, c111);
    }
}
