using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Interactive.DlExt;

/// <summary>
/// One chunk of an optimizer step: slices of θ, g and the optimizer's state buffers, with this step's η, t and
/// SIMD path. <see cref="Optimizer"/> hands each chunk to the optimizer, which applies its rule with <see cref="Apply{TRule}(TRule)"/>.
/// </summary>
internal readonly ref struct OptimizerChunk
{
    private readonly Span<float> _theta;
    private readonly ReadOnlySpan<float> _gradient;
    private readonly Span<float> _first;
    private readonly Span<float> _second;
    private readonly SimdPath _path;

    public OptimizerChunk(Span<float> theta, ReadOnlySpan<float> gradient, Span<float> first, Span<float> second,
        double learningRate, double? momentum, long step, SimdPath path)
    {
        _theta = theta;
        _gradient = gradient;
        _first = first;
        _second = second;
        _path = path;
        LearningRate = learningRate;
        Momentum = momentum;
        Step = step;
    }

    /// <summary>η for this step.</summary>
    public double LearningRate { get; }

    /// <summary>This step's momentum coefficient (μ, β, β₁) when a schedule cycles it; null: the optimizer's own.</summary>
    public double? Momentum { get; }

    /// <summary>t, 1 for the first step after a reset.</summary>
    public long Step { get; }

    /// <summary>Runs <paramref name="rule"/> over every element: the path's widest lanes, then one at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply<TRule>(TRule rule)
        where TRule : struct, IParameterRule
    {
        var i = _path switch
        {
            SimdPath.Vector512 => ApplyLanes<Lanes512, TRule>(rule, 0),
            SimdPath.Vector256 => ApplyLanes<Lanes256, TRule>(rule, 0),
            _ => 0,
        };
        ApplyLanes<Lane, TRule>(rule, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ApplyLanes<T, TRule>(TRule rule, int start)
        where T : struct, ILanes<T>
        where TRule : struct, IParameterRule
    {
        ref var t0 = ref MemoryMarshal.GetReference(_theta);
        ref var g0 = ref MemoryMarshal.GetReference(_gradient);
        ref var a0 = ref MemoryMarshal.GetReference(_first);
        ref var b0 = ref MemoryMarshal.GetReference(_second);
        var n = _theta.Length;
        var i = start;
        for (; i + T.Count <= n; i += T.Count)
        {
            var u = (nuint)i;
            var theta = T.Load(ref t0, u);
            var first = TRule.States > 0 ? T.Load(ref a0, u) : T.Zero;
            var second = TRule.States > 1 ? T.Load(ref b0, u) : T.Zero;
            rule.Update(ref theta, T.Load(ref g0, u), ref first, ref second);
            theta.Store(ref t0, u);
            if (TRule.States > 0)
            {
                first.Store(ref a0, u);
            }

            if (TRule.States > 1)
            {
                second.Store(ref b0, u);
            }
        }

        return i;
    }
}
