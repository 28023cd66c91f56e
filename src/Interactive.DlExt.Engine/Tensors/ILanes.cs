namespace Interactive.DlExt;

/// <summary>
/// A register of float lanes: 16 (<see cref="Lanes512"/>), 8 (<see cref="Lanes256"/>) or 1 (<see cref="Lane"/>).
/// A kernel written once against this interface runs on every <see cref="SimdPath"/>, and because each lane does
/// exactly the operations the scalar form does (IEEE-rounded +, −, ×, ÷, √, no fused multiply-add), every path
/// gives the same bits. <see cref="LaneLoop"/> picks the width from the path and runs the scalar tail.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    /// <summary>The number of lanes.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane 0.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TSelf Create(float value);

    /// <summary>Loads <see cref="Count"/> values from <paramref name="source"/> + <paramref name="index"/>.</summary>
    static abstract TSelf Load(ref float source, nuint index);

    /// <summary>Stores the lanes at <paramref name="destination"/> + <paramref name="index"/>.</summary>
    void Store(ref float destination, nuint index);

    /// <summary>a + b.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);

    /// <summary>a − b.</summary>
    static abstract TSelf operator -(TSelf a, TSelf b);

    /// <summary>a · b.</summary>
    static abstract TSelf operator *(TSelf a, TSelf b);

    /// <summary>a / b.</summary>
    static abstract TSelf operator /(TSelf a, TSelf b);

    /// <summary>√x, correctly rounded.</summary>
    static abstract TSelf Sqrt(TSelf x);

    /// <summary>Per lane: x &gt; 0 ? <paramref name="whenPositive"/> : <paramref name="otherwise"/> (NaN is not positive).</summary>
    static abstract TSelf WherePositive(TSelf x, TSelf whenPositive, TSelf otherwise);

    /// <summary>Per lane: x &lt; 0 ? <paramref name="whenNegative"/> : <paramref name="otherwise"/> (NaN and −0 are not negative).</summary>
    static abstract TSelf WhereNegative(TSelf x, TSelf whenNegative, TSelf otherwise);

    /// <summary>Per lane: x is NaN ? <paramref name="whenNaN"/> : <paramref name="otherwise"/>.</summary>
    static abstract TSelf WhereNaN(TSelf x, TSelf whenNaN, TSelf otherwise);
}
