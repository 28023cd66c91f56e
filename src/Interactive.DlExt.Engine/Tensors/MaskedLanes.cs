using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Interactive.DlExt;

/// <summary>
/// A register of float lanes that loads and stores only some of its lanes, for kernels over short rows (a feature
/// map is often 7 to 28 wide): 16 lanes (<c>MaskedLanes512</c>, .NET 9 and later) or 8 (<see cref="MaskedLanes256"/>). The
/// masked-off lanes' memory is never touched (the hardware suppresses their faults), so a row may start before or
/// end after its buffer.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal unsafe interface IMaskedLanes<TSelf>
    where TSelf : struct, IMaskedLanes<TSelf>
{
    /// <summary>The number of lanes.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane +0.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>Lane l = <paramref name="row"/>[l] for <paramref name="from"/> ≤ l &lt; <paramref name="to"/>, else +0.</summary>
    static abstract TSelf Load(float* row, int from, int to);

    /// <summary>Stores lanes l &lt; <paramref name="count"/> to <paramref name="row"/>[l].</summary>
    void Store(float* row, int count);

    /// <summary>Stores lanes l &lt; <paramref name="count"/> to <paramref name="row"/>[l], and for a writer that fills a
    /// buffer in ascending order (the next store starts at row + count) stores all lanes when they end before
    /// <paramref name="end"/>: the extra lanes are overwritten by the next store, and a plain store is cheaper.</summary>
    void StoreAscending(float* row, int count, float* end);

    /// <summary>a + b, per lane.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);
}

#if NET9_0_OR_GREATER
/// <summary>16 lanes with AVX-512 mask registers (.NET 9 and later: .NET 8 has no masked AVX-512 moves).</summary>
internal readonly unsafe struct MaskedLanes512(Vector512<float> value) : IMaskedLanes<MaskedLanes512>
{
    private readonly Vector512<float> _value = value;

    /// <inheritdoc />
    public static int Count => 16;

    /// <inheritdoc />
    public static MaskedLanes512 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MaskedLanes512 Load(float* row, int from, int to) =>
        new(Avx512F.MaskLoad(row, Between(from, to), Vector512<float>.Zero));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(float* row, int count) => Avx512F.MaskStore(row, Between(0, count), _value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreAscending(float* row, int count, float* end)
    {
        if (row + 16 <= end)
        {
            Avx512F.Store(row, _value);
        }
        else
        {
            Store(row, count);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MaskedLanes512 operator +(MaskedLanes512 a, MaskedLanes512 b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Between(int from, int to)
    {
        var lanes = Vector512<int>.Indices;
        return (Vector512.GreaterThanOrEqual(lanes, Vector512.Create(from)) & Vector512.LessThan(lanes, Vector512.Create(to))).AsSingle();
    }
}

#endif

/// <summary>8 lanes with AVX's masked moves.</summary>
internal readonly unsafe struct MaskedLanes256(Vector256<float> value) : IMaskedLanes<MaskedLanes256>
{
    private readonly Vector256<float> _value = value;

    /// <inheritdoc />
    public static int Count => 8;

    /// <inheritdoc />
    public static MaskedLanes256 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MaskedLanes256 Load(float* row, int from, int to) => new(Avx.MaskLoad(row, Between(from, to)));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(float* row, int count) => Avx.MaskStore(row, Between(0, count), _value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreAscending(float* row, int count, float* end)
    {
        if (row + 8 <= end)
        {
            Avx.Store(row, _value);
        }
        else
        {
            Store(row, count);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MaskedLanes256 operator +(MaskedLanes256 a, MaskedLanes256 b) => new(a._value + b._value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Between(int from, int to)
    {
        var lanes = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        return (Vector256.GreaterThanOrEqual(lanes, Vector256.Create(from)) & Vector256.LessThan(lanes, Vector256.Create(to))).AsSingle();
    }
}
