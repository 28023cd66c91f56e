using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Interactive.DlExt;

/// <summary>
/// Runs an element-wise rule over spans on a <see cref="SimdPath"/>: the widest lanes the path allows, then one
/// lane at a time for the tail. The rule is a struct, so each (width, rule) pair is compiled with the rule inlined.
/// </summary>
internal static class LaneLoop
{
    /// <summary>y = f(x) for every element (<paramref name="y"/> may be <paramref name="x"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TRule>(TRule rule, SimdPath path, ReadOnlySpan<float> x, Span<float> y)
        where TRule : struct, IForwardRule
    {
        SameLength(y.Length, x.Length, nameof(y));
        var i = path switch
        {
            SimdPath.Vector512 => Forward<Lanes512, TRule>(rule, x, y, 0),
            SimdPath.Vector256 => Forward<Lanes256, TRule>(rule, x, y, 0),
            _ => 0,
        };
        Forward<Lane, TRule>(rule, x, y, i);
    }

    /// <summary>dx = g·f′(x) for every element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<TRule>(TRule rule, SimdPath path, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx)
        where TRule : struct, IBackwardRule
    {
        SameLength(y.Length, x.Length, nameof(y));
        SameLength(g.Length, x.Length, nameof(g));
        SameLength(dx.Length, x.Length, nameof(dx));
        var i = path switch
        {
            SimdPath.Vector512 => Backward<Lanes512, TRule>(rule, x, y, g, dx, 0),
            SimdPath.Vector256 => Backward<Lanes256, TRule>(rule, x, y, g, dx, 0),
            _ => 0,
        };
        Backward<Lane, TRule>(rule, x, y, g, dx, i);
    }

    /// <summary>Throws unless an operand has the expected length.</summary>
    public static void SameLength(long length, long expected, string parameter)
    {
        if (length != expected)
        {
            throw new DlExtArgumentException(parameter, $"{length} values", $"{expected} values, matching the other operands");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Forward<T, TRule>(TRule rule, ReadOnlySpan<float> x, Span<float> y, int start)
        where T : struct, ILanes<T>
        where TRule : struct, IForwardRule
    {
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        var i = start;
        for (; i + T.Count <= x.Length; i += T.Count)
        {
            rule.Forward(T.Load(ref x0, (nuint)i)).Store(ref y0, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Backward<T, TRule>(TRule rule, ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, int start)
        where T : struct, ILanes<T>
        where TRule : struct, IBackwardRule
    {
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        ref var g0 = ref MemoryMarshal.GetReference(g);
        ref var d0 = ref MemoryMarshal.GetReference(dx);
        var i = start;
        for (; i + T.Count <= x.Length; i += T.Count)
        {
            var u = (nuint)i;
            rule.Backward(T.Load(ref x0, u), T.Load(ref y0, u), T.Load(ref g0, u)).Store(ref d0, u);
        }

        return i;
    }
}
