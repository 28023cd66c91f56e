namespace Interactive.DlExt;

/// <summary>
/// Chooses the <see cref="GemmTiling"/> for the CPU the process runs on, once per process. Every choice gives the
/// same bits (see <see cref="GemmTiling"/>), so the choice is only about speed:
/// <list type="bullet">
/// <item>AVX-512 with two FMA ports per core (Zen 5, Intel Xeon server cores): 8 × 32. 16 accumulators keep both
/// pipes busy through the 4-cycle FMA latency with fewer loads per FMA than 6 × 32, and the MLP's batches of 64 and
/// 256 rows split into whole 8-row panels.</item>
/// <item>AVX-512 with one FMA port (Zen 4, Intel client cores): 6 × 32, the tile the engine was tuned with there.</item>
/// <item>AVX2: 6 × 16 (its only kernel). Scalar: no tile (the reference loop).</item>
/// </list>
/// The depth is the largest multiple of 64 up to 256 whose packed B strip and A panel fill at most 85 % of the L1
/// data cache: 256 for the 8-row tile on a 48 KB L1 (Zen 5, Xeon), 128 for the 6-row tile on a 32 KB L1 (Zen 4),
/// 128 where the size is unknown. On the Zen 5 the sweep in <c>bench/measured/2026-12-04T0120-gemm-tiles-quiet.log</c>
/// measured 8 × 32 at depth 256 fastest on two threads (MLP GEMMs 2.75 ms against 2.83 ms at depth 128) and equal
/// on one; fewer depth blocks mean fewer passes over C.
/// <para>Overrides, for tests and benchmarks: <see cref="Forced"/> (this thread), and the environment variable
/// <c>DLEXT_GEMM_TILE</c> (e.g. <c>8x32</c> or <c>12x32/256</c>, read once). A value it cannot parse never stops the
/// process: the automatic choice is kept and one warning naming the variable, the value and the accepted forms goes
/// to standard error. <see cref="GemmTiling.Parse"/> is the API that throws.</para>
/// </summary>
internal static class GemmTuning
{
    /// <summary>The environment variable that overrides the automatic choice.</summary>
    public const string Variable = "DLEXT_GEMM_TILE";

    // The share of the L1 data cache the packed strip and panel may fill (see the summary).
    private const double L1Share = 0.85;

    [ThreadStatic]
    private static GemmTiling? _forced;

    private static readonly Lazy<(GemmTiling Tiling, string Reason)> Process = new(() =>
        Resolve(CpuFacts.Current, Environment.GetEnvironmentVariable(Variable), Console.Error));

    /// <summary>The tiling GEMMs use in this process unless <see cref="Forced"/>.</summary>
    public static GemmTiling Automatic => Process.Value.Tiling;

    /// <summary>Why <see cref="Automatic"/> was chosen (CPU facts, or the environment override), for benchmarks.</summary>
    public static string Reason => Process.Value.Reason;

    /// <summary>A tiling forced for GEMMs started from the current thread (null = <see cref="Automatic"/>). Thread-local
    /// like <see cref="Simd.Forced"/>: kernels read it once on the calling thread and hand it to their workers.</summary>
    public static GemmTiling? Forced
    {
        get => _forced;
        set => _forced = value;
    }

    /// <summary>The tiling a GEMM started now on this thread uses.</summary>
    public static GemmTiling Current => _forced ?? Automatic;

    /// <summary>The tiling for <paramref name="cpu"/> (no override).</summary>
    public static GemmTiling ChooseFor(in CpuFacts cpu)
    {
        var rows = cpu.Path == SimdPath.Vector512 && cpu.FmaPorts >= 2 ? 8 : 6;
        var depth = GemmTiling.Default.Depth;
        if (cpu.L1DataBytes > 0)
        {
            var stripBytes = (rows + 32) * sizeof(float);
            depth = Math.Clamp(((int)(L1Share * cpu.L1DataBytes / stripBytes) / 64) * 64, 64, GemmTiling.MaxDepth);
        }

        return new GemmTiling(rows, depth);
    }

    /// <summary>The process's choice: <paramref name="environmentValue"/> when it parses, else <see cref="ChooseFor"/>,
    /// with a warning on <paramref name="warnings"/> for a value that does not parse.</summary>
    internal static (GemmTiling Tiling, string Reason) Resolve(in CpuFacts cpu, string? environmentValue, TextWriter warnings)
    {
        var chosen = ChooseFor(cpu);
        var reason = $"{chosen} for {cpu}";
        if (string.IsNullOrWhiteSpace(environmentValue))
        {
            return (chosen, reason);
        }

        try
        {
            var tiling = GemmTiling.Parse(environmentValue, Variable);
            return (tiling, $"{tiling} from {Variable} (automatic: {reason})");
        }
        catch (DlExtArgumentException e)
        {
            warnings.WriteLine($"dlext: {e.Reason} Using the automatic GEMM tiling {chosen}.");
            return (chosen, $"{reason} ({Variable} ignored: {e.Reason})");
        }
    }
}
