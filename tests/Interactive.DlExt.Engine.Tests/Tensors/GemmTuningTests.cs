using Xunit.Abstractions;

namespace Interactive.DlExt.Tests.Tensors;

public sealed class GemmTuningTests(ITestOutputHelper output)
{
    private static readonly CpuFacts Zen5 = new("AuthenticAMD", 0x1A, 0x02, SimdPath.Vector512, 2, 48 * 1024, 1024 * 1024);
    private static readonly CpuFacts Zen4 = new("AuthenticAMD", 0x19, 0x11, SimdPath.Vector512, 1, 32 * 1024, 1024 * 1024);

    [Fact]
    public void Two_FMA_ports_get_the_8_row_tile_and_one_port_keeps_the_6_row_tile()
    {
        Assert.Equal(new GemmTiling(8, 256), GemmTuning.ChooseFor(Zen5));
        Assert.Equal(new GemmTiling(6, 128), GemmTuning.ChooseFor(Zen4));
        Assert.Equal(6, GemmTuning.ChooseFor(Zen5 with { Path = SimdPath.Vector256, FmaPorts = 0 }).Rows);
        Assert.Equal(6, GemmTuning.ChooseFor(Zen5 with { Path = SimdPath.Scalar, FmaPorts = 0 }).Rows);
    }

    [Fact]
    public void The_depth_follows_the_L1_data_cache()
    {
        Assert.Equal(128, GemmTuning.ChooseFor(Zen5 with { L1DataBytes = 0 }).Depth);
        Assert.Equal(64, GemmTuning.ChooseFor(Zen4 with { L1DataBytes = 16 * 1024 }).Depth);
        Assert.Equal(192, GemmTuning.ChooseFor(Zen5 with { L1DataBytes = 40 * 1024 }).Depth);
        Assert.Equal(128, GemmTuning.ChooseFor(Zen5 with { L1DataBytes = 32 * 1024 }).Depth);
        Assert.Equal(256, GemmTuning.ChooseFor(Zen5 with { L1DataBytes = 1024 * 1024 }).Depth);
    }

    [Theory]
    [InlineData("AuthenticAMD", 0x1A, 0x02, 2)] // Zen 5 EPYC (Turin)
    [InlineData("AuthenticAMD", 0x1A, 0x44, 2)] // Zen 5 desktop (Granite Ridge)
    [InlineData("AuthenticAMD", 0x1A, 0x24, 1)] // Zen 5 mobile (Strix Point)
    [InlineData("AuthenticAMD", 0x19, 0x11, 1)] // Zen 4 EPYC (Genoa)
    [InlineData("GenuineIntel", 6, 0x8F, 2)] // Sapphire Rapids
    [InlineData("GenuineIntel", 6, 0xAD, 2)] // Granite Rapids
    [InlineData("GenuineIntel", 6, 0x8C, 1)] // Tiger Lake client
    public void FMA_ports_are_known_per_microarchitecture(string vendor, int family, int model, int ports)
    {
        Assert.Equal(ports, CpuFacts.FmaPortsOf(vendor, family, model, SimdPath.Vector512));
        Assert.Equal(0, CpuFacts.FmaPortsOf(vendor, family, model, SimdPath.Vector256));
    }

    [Fact]
    public void The_running_CPU_is_described_and_its_choice_is_one_the_kernels_offer()
    {
        var cpu = CpuFacts.Current;
        output.WriteLine($"{cpu}; automatic tiling {GemmTuning.Automatic}; {GemmTuning.Reason}");

        Assert.Equal(Simd.Best, cpu.Path);
        Assert.Contains(GemmTuning.Automatic.Rows, GemmTiling.TileRows);
        Assert.Same(GemmTuning.Reason, GemmTuning.Reason);
    }

    [Fact]
    public void The_environment_variable_overrides_the_automatic_choice()
    {
        using var warnings = new StringWriter();
        var (tiling, reason) = GemmTuning.Resolve(Zen4, "12x32/64", warnings);

        Assert.Equal(new GemmTiling(12, 64), tiling);
        Assert.Contains("DLEXT_GEMM_TILE", reason, StringComparison.Ordinal);
        Assert.Empty(warnings.ToString());
    }

    [Fact]
    public void A_bad_environment_value_keeps_the_automatic_choice_and_warns_once_instead_of_stopping_the_process()
    {
        using var warnings = new StringWriter();
        var (tiling, _) = GemmTuning.Resolve(Zen5, "7x32", warnings);

        Assert.Equal(GemmTuning.ChooseFor(Zen5), tiling);
        var lines = warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("DLEXT_GEMM_TILE = \"7x32\" is not accepted", line, StringComparison.Ordinal);
        Assert.Contains("6x32, 8x32 or 12x32", line, StringComparison.Ordinal);
        Assert.Contains("8x32/256", line, StringComparison.Ordinal);
    }
}
