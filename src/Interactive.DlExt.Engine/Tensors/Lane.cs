using System.Runtime.CompilerServices;

namespace Interactive.DlExt;

/// <summary>One float (the <see cref="SimdPath.Scalar"/> path, and every path's tail).</summary>
internal readonly struct Lane(float value) : ILanes<Lane>
{
    private readonly float _value = value;

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static Lane Zero => default;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane Create(float value) => new(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane Load(ref float source, nuint index) => new(Unsafe.Add(ref source, index));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ref float destination, nuint index) => Unsafe.Add(ref destination, index) = _value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane operator +(Lane a, Lane b) => new(a._value + b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane operator -(Lane a, Lane b) => new(a._value - b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane operator *(Lane a, Lane b) => new(a._value * b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane operator /(Lane a, Lane b) => new(a._value / b._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane Sqrt(Lane x) => new(MathF.Sqrt(x._value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane WherePositive(Lane x, Lane whenPositive, Lane otherwise) => x._value > 0 ? whenPositive : otherwise;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane WhereNegative(Lane x, Lane whenNegative, Lane otherwise) => x._value < 0 ? whenNegative : otherwise;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane WhereNaN(Lane x, Lane whenNaN, Lane otherwise) => float.IsNaN(x._value) ? whenNaN : otherwise;
}
