using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Interactive.DlExt;

/// <summary>16 float lanes in a Vector512 (the <see cref="SimdPath.Vector512"/> path).</summary>
internal readonly struct Lanes512(Vector512<float> value) : ILanes<Lanes512>
{
    private readonly Vector512<float> _value = value;

    /// <inheritdoc />
    public static int Count => 16;

    /// <inheritdoc />
    public static Lanes512 Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(float value) => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ref float source, nuint index) => new(Vector512.LoadUnsafe(ref source, index));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ref float destination, nuint index) => _value.StoreUnsafe(ref destination, index);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator +(Lanes512 a, Lanes512 b) => new(a._value + b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 a, Lanes512 b) => new(a._value - b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 a, Lanes512 b) => new(a._value * b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(Lanes512 a, Lanes512 b) => new(a._value / b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Sqrt(Lanes512 x) => new(Vector512.Sqrt(x._value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 WherePositive(Lanes512 x, Lanes512 whenPositive, Lanes512 otherwise) =>
        new(Vector512.ConditionalSelect(Vector512.GreaterThan(x._value, Vector512<float>.Zero), whenPositive._value, otherwise._value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 WhereNegative(Lanes512 x, Lanes512 whenNegative, Lanes512 otherwise) =>
        new(Vector512.ConditionalSelect(Vector512.LessThan(x._value, Vector512<float>.Zero), whenNegative._value, otherwise._value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 WhereNaN(Lanes512 x, Lanes512 whenNaN, Lanes512 otherwise) =>
        new(Vector512.ConditionalSelect(Vector512.Equals(x._value, x._value), otherwise._value, whenNaN._value));
}
