using System.Diagnostics;
using System.Globalization;

namespace Interactive.DlExt.Bench;

/// <summary>
/// Where a training step's wall time goes in the steady state (epochs after the first): gathering the batch,
/// forward + loss + backward, and the optimizer's step. Printed as <c>steady_gather_ms</c>, <c>steady_fwd_bwd_ms</c>
/// and <c>steady_optimizer_ms</c> (means per step) so that the GEMM-heavy part and the memory-bound rest can be
/// told apart in a training run, where the step benchmark reuses one hot batch.
/// </summary>
internal sealed class LoopParts
{
    private long _gather;
    private long _forwardBackward;
    private long _optimizer;
    private long _steps;

    /// <summary>Adds one step's three durations, in <see cref="Stopwatch"/> ticks.</summary>
    public void Add(long gather, long forwardBackward, long optimizer)
    {
        _gather += gather;
        _forwardBackward += forwardBackward;
        _optimizer += optimizer;
        _steps++;
    }

    /// <summary>The RESULT keys (with a leading space), or nothing when no steady step ran.</summary>
    public override string ToString() => _steps == 0
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture,
            $" steady_gather_ms={Mean(_gather):F3} steady_fwd_bwd_ms={Mean(_forwardBackward):F3} steady_optimizer_ms={Mean(_optimizer):F3}");

    private double Mean(long ticks) => ticks * 1000.0 / Stopwatch.Frequency / _steps;
}
