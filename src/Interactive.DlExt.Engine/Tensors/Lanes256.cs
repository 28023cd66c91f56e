using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Interactive.DlExt;

/// <summary>8 float lanes in a Vector256 (the <see cref="SimdPath.Vector256"/> path).</summary>
internal readonly struct Lanes256(Vector256<float> value) : ILanes<Lanes256>
{
    private readonly Vector256<float> _value = value;

    /// <inheritdoc />
    public static int Count => 8;

    /// <inheritdoc />
    public static Lanes256 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Create(float value) => new(Vector256.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Load(ref float source, nuint index) => new(Vector256.LoadUnsafe(ref source, index));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ref float destination, nuint index) => _value.StoreUnsafe(ref destination, index);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator +(Lanes256 a, Lanes256 b) => new(a._value + b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 a, Lanes256 b) => new(a._value - b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(Lanes256 a, Lanes256 b) => new(a._value * b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator /(Lanes256 a, Lanes256 b) => new(a._value / b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Sqrt(Lanes256 x) => new(Vector256.Sqrt(x._value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 WherePositive(Lanes256 x, Lanes256 whenPositive, Lanes256 otherwise) =>
        new(Vector256.ConditionalSelect(Vector256.GreaterThan(x._value, Vector256<float>.Zero), whenPositive._value, otherwise._value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 WhereNegative(Lanes256 x, Lanes256 whenNegative, Lanes256 otherwise) =>
        new(Vector256.ConditionalSelect(Vector256.LessThan(x._value, Vector256<float>.Zero), whenNegative._value, otherwise._value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 WhereNaN(Lanes256 x, Lanes256 whenNaN, Lanes256 otherwise) =>
        new(Vector256.ConditionalSelect(Vector256.Equals(x._value, x._value), otherwise._value, whenNaN._value));
}
