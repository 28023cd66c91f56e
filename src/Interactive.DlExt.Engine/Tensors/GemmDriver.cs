using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Interactive.DlExt;

/// <summary>
/// Runs a <see cref="GemmOperands"/> problem: splits C into a grid of tiles (one task each, claimed by the
/// pool's threads), and computes each tile with packed operands and the micro-kernels.
/// Partitioning and cache blocking only decide who computes an element and when; its value is always the
/// same FMA chain over (image, k) in order (see <see cref="GemmKernels"/>).
/// </summary>
internal static unsafe class GemmDriver
{
    /// <summary>Columns of B packed at once (depth × NBlock floats: 256 KB at depth 128, a quarter of a Zen 4 L2).</summary>
    public const int NBlock = 512;

    private const int ColumnUnit = 32;
    private const long SerialWork = 1L << 17;
    private const int PartitionCacheLimit = 4096;
    private const int RowCutRows = 64;

    private static readonly ConcurrentDictionary<(int M, int N, long Depth, int Threads, int PanelRows), (int Rows, int Columns)> PartitionCache = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(ComputePool pool, in GemmOperands g)
    {
        if (g.M == 0 || g.N == 0)
        {
            return;
        }

        // Resolved here, on the calling thread, where a forced tiling is visible; the workers get it with the operands.
        var op = g;
        op.Tiling = Tiling(g);
        var mr = PanelRows(op);
        var (rowChunks, columnChunks) = CachedPartition(op.M, op.N, (long)op.K * op.Batch, pool.Threads, mr);
        if (rowChunks * columnChunks == 1)
        {
            ComputeTile(op, 0, op.M, 0, op.N);
            return;
        }

        pool.For(rowChunks * columnChunks, new TileTask(op, rowChunks, columnChunks, mr));
    }

    /// <summary>Computes rows [r0, r1) × columns [c0, c1) of C.</summary>
    // Hot from the first batch: compiled optimized at once instead of after tier-0 warm-up (short notebook runs feel it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ComputeTile(in GemmOperands g, int r0, int r1, int c0, int c1)
    {
        if (g.K == 0 || g.Batch == 0)
        {
            FinishWithoutProducts(g, r0, r1, c0, c1);
            return;
        }

        if (g.Path == SimdPath.Scalar)
        {
            ScalarTile(g, r0, r1, c0, c1);
            return;
        }

        var nr = GemmKernels.StripWidth(g.Path);
        var mr = PanelRows(g);
        var depth = Tiling(g).Depth;
        var workspace = Workspace.For(depth);
        var tile = stackalloc float[GemmTiling.MaxRows * 32];
        for (var jc = c0; jc < c1; jc += NBlock)
        {
            var nc = Math.Min(NBlock, c1 - jc);
            var strips = (nc + nr - 1) / nr;
            for (var batch = 0; batch < g.Batch; batch++)
            {
                var a = g.A + (batch * g.BatchStrideA);
                var b = g.B + (batch * g.BatchStrideB);
                for (var k0 = 0; k0 < g.K; k0 += depth)
                {
                    var kc = Math.Min(depth, g.K - k0);
                    var load = g.Accumulate || batch > 0 || k0 > 0;
                    var last = batch == g.Batch - 1 && k0 + kc == g.K && g.Epilogue.Any;
                    GemmPacking.PackB(b, g.Ldb, g.TransposeB, k0, kc, jc, nc, nr, workspace.B);
                    for (var i0 = r0; i0 < r1; i0 += mr)
                    {
                        var rows = Math.Min(mr, r1 - i0);
                        var kernelRows = g.Path == SimdPath.Vector512 ? GemmKernels512.KernelRows(rows) : 6;
                        GemmPacking.PackA(a, g.Lda, g.TransposeA, i0, rows, k0, kc, mr, workspace.A);
                        for (var s = 0; s < strips; s++)
                        {
                            var j = jc + (s * nr);
                            var width = Math.Min(nr, jc + nc - j);
                            var c = g.C + (i0 * g.Ldc) + j;
                            var packedB = workspace.B + (s * kc * nr);
                            if (rows == kernelRows && width == nr)
                            {
                                Kernel(g.Path, kernelRows, kc, workspace.A, mr, packedB, c, g.Ldc, load);
                            }
                            else
                            {
                                EdgeTile(g.Path, kernelRows, kc, workspace.A, mr, packedB, c, g.Ldc, load, rows, width, nr, tile);
                            }

                            if (last)
                            {
                                GemmKernels.Epilogue(g.Epilogue, c, g.Ldc, j, rows, width, g.Path);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary><see cref="Partition"/>, remembered: a training step repeats the same few shapes thousands of times,
    /// and the search costs microseconds per call (a few percent of a small-batch step).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (int Rows, int Columns) CachedPartition(int m, int n, long depth, int threads, int panelRows = 6)
    {
        var key = (m, n, depth, threads, panelRows);
        if (PartitionCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var partition = Partition(m, n, depth, threads, panelRows);
        if (PartitionCache.Count >= PartitionCacheLimit)
        {
            PartitionCache.Clear();
        }

        PartitionCache[key] = partition;
        return partition;
    }

    /// <summary>Chooses how many row and column chunks to cut C into: the fewest tasks whose simulated
    /// finish time (kernel work plus repeated packing, claimed greedily by the threads) is lowest, cutting
    /// columns only when C has fewer than <see cref="RowCutRows"/> rows per thread. Rows are cut at whole panels of
    /// <paramref name="panelRows"/> (the tiling's rows).</summary>
    internal static (int Rows, int Columns) Partition(int m, int n, long depth, int threads, int panelRows = 6)
    {
        if (threads == 1 || (long)m * n * depth < SerialWork)
        {
            return (1, 1);
        }

        var panels = (m + panelRows - 1) / panelRows;
        var rowScale = panelRows / 6.0;
        var strips = (n + ColumnUnit - 1) / ColumnUnit;
        var clocks = stackalloc double[threads];
        var best = (Rows: 1, Columns: 1);
        var bestTime = double.MaxValue;
        var limit = 3 * threads;
        // Measured on the 2-vCPU dev host: when its cores were busy elsewhere, column cuts (both threads pack all of A
        // and write parts of the same rows of C) ran 1.3–1.5× slower than row cuts of the same shape, while row cuts
        // held their speed. (Keeping the shared boundary strips in private buffers did not help, so it is not only
        // false sharing.) Cutting rows makes every thread pack all of B, which costs little once each thread has at
        // least RowCutRows rows; at batch 64 it does not, and the search below still weighs column cuts there.
        var columnLimit = m >= RowCutRows * threads ? 1 : Math.Min(strips, limit);
        for (var rc = 1; rc <= Math.Min(panels, limit); rc++)
        {
            for (var cc = 1; cc <= columnLimit; cc++)
            {
                new Span<double>(clocks, threads).Clear();
                for (var t = 0; t < rc * cc; t++)
                {
                    int i = t / cc, j = t % cc;
                    double p = Split(panels, rc, i + 1) - Split(panels, rc, i);
                    double s = Split(strips, cc, j + 1) - Split(strips, cc, j);
                    // In 6×32 micro-tile units: packing a 6-row A panel costs ~0.5, a 32-column B strip ~1.3.
                    var cost = (rowScale * ((p * s) + (0.5 * p * Math.Ceiling(s * ColumnUnit / NBlock)))) + (1.3 * s) + 0.2;
                    var first = 0;
                    for (var w = 1; w < threads; w++)
                    {
                        first = clocks[w] < clocks[first] ? w : first;
                    }

                    clocks[first] += cost;
                }

                var finish = 0.0;
                for (var w = 0; w < threads; w++)
                {
                    finish = Math.Max(finish, clocks[w]);
                }

                if (finish < bestTime * 0.999)
                {
                    bestTime = finish;
                    best = (rc, cc);
                }
            }
        }

        return best;
    }

    private static int Split(int units, int chunks, int index) => (int)((long)units * index / chunks);

    // An operand built without a tiling (Tiling left default) gets this thread's.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static GemmTiling Tiling(in GemmOperands g) => g.Tiling.Rows == 0 ? GemmTuning.Current : g.Tiling;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PanelRows(in GemmOperands g) => Tiling(g).RowsOn(g.Path);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel(SimdPath path, int rows, int kc, float* a, int mr, float* b, float* c, nint ldc, bool load)
    {
        if (path == SimdPath.Vector512)
        {
            GemmKernels512.Kernel(rows, kc, a, mr, b, c, ldc, load);
        }
        else
        {
            GemmKernels.Kernel6x16(kc, a, b, c, ldc, load);
        }
    }

    // A ragged tile runs the full kernel on a scratch tile holding the valid part of C (zeros elsewhere).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EdgeTile(SimdPath path, int kernelRows, int kc, float* a, int mr, float* b, float* c, nint ldc, bool load, int rows, int width, int nr, float* tile)
    {
        if (load)
        {
            new Span<float>(tile, kernelRows * nr).Clear();
            for (var r = 0; r < rows; r++)
            {
                new Span<float>(c + (r * ldc), width).CopyTo(new Span<float>(tile + (r * nr), width));
            }
        }

        Kernel(path, kernelRows, kc, a, mr, b, tile, nr, load);
        for (var r = 0; r < rows; r++)
        {
            new Span<float>(tile + (r * nr), width).CopyTo(new Span<float>(c + (r * ldc), width));
        }
    }

    // The reference path: the same FMA chain per element, in the same (image, k) order, one row at a time.
    private static void ScalarTile(in GemmOperands g, int r0, int r1, int c0, int c1)
    {
        const int Chunk = 64;
        var acc = stackalloc float[Chunk];
        for (var i = r0; i < r1; i++)
        {
            for (var j0 = c0; j0 < c1; j0 += Chunk)
            {
                var width = Math.Min(Chunk, c1 - j0);
                var c = g.C + (i * g.Ldc) + j0;
                for (var j = 0; j < width; j++)
                {
                    acc[j] = g.Accumulate ? c[j] : 0;
                }

                for (var batch = 0; batch < g.Batch; batch++)
                {
                    var a = g.A + (batch * g.BatchStrideA);
                    var b = g.B + (batch * g.BatchStrideB);
                    for (var k = 0; k < g.K; k++)
                    {
                        var av = g.TransposeA ? a[(k * g.Lda) + i] : a[(i * g.Lda) + k];
                        for (var j = 0; j < width; j++)
                        {
                            var bv = g.TransposeB ? b[((j0 + j) * g.Ldb) + k] : b[(k * g.Ldb) + j0 + j];
                            acc[j] = MathF.FusedMultiplyAdd(av, bv, acc[j]);
                        }
                    }
                }

                new Span<float>(acc, width).CopyTo(new Span<float>(c, width));
                if (g.Epilogue.Any)
                {
                    GemmKernels.Epilogue(g.Epilogue, c, g.Ldc, j0, 1, width, SimdPath.Scalar);
                }
            }
        }
    }

    private static void FinishWithoutProducts(in GemmOperands g, int r0, int r1, int c0, int c1)
    {
        for (var i = r0; i < r1; i++)
        {
            var c = g.C + (i * g.Ldc) + c0;
            if (!g.Accumulate)
            {
                new Span<float>(c, c1 - c0).Clear();
            }

            GemmKernels.Epilogue(g.Epilogue, c, g.Ldc, c0, 1, c1 - c0, SimdPath.Scalar);
        }
    }

    private readonly struct TileTask(GemmOperands g, int rowChunks, int columnChunks, int mr) : IComputeBody
    {
        private readonly GemmOperands _g = g;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int index)
        {
            int i = index / columnChunks, j = index % columnChunks;
            var panels = (_g.M + mr - 1) / mr;
            var strips = (_g.N + ColumnUnit - 1) / ColumnUnit;
            var r0 = Split(panels, rowChunks, i) * mr;
            var r1 = Math.Min(_g.M, Split(panels, rowChunks, i + 1) * mr);
            var c0 = Split(strips, columnChunks, j) * ColumnUnit;
            var c1 = Math.Min(_g.N, Split(strips, columnChunks, j + 1) * ColumnUnit);
            ComputeTile(_g, r0, r1, c0, c1);
        }
    }

    /// <summary>Per-thread packing buffers, pinned and 64-byte aligned, kept for the thread's lifetime (replaced by
    /// larger ones when a deeper tiling needs them).</summary>
    private sealed class Workspace
    {
        [ThreadStatic]
        private static Workspace? _current;

        private readonly float[] _a;
        private readonly float[] _b;

        private Workspace(int depth)
        {
            Depth = depth;
            _a = GC.AllocateUninitializedArray<float>((depth * GemmTiling.MaxRows) + 32, pinned: true);
            _b = GC.AllocateUninitializedArray<float>((depth * NBlock) + 32, pinned: true);
            A = Align(_a);
            B = Align(_b);
        }

        public int Depth { get; }

        public static Workspace For(int depth) =>
            _current is { } current && current.Depth >= depth ? current : _current = new Workspace(Math.Max(depth, GemmTiling.Default.Depth));

        public float* A { get; }

        public float* B { get; }

        private static float* Align(float[] pinned)
        {
            var p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
            return (float*)((p + 63) & ~(nint)63);
        }
    }
}
