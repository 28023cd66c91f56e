using Interactive.DlExt.Notebook;
using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

[Collection(RealKernelGroup.Name)]
public sealed class LoadingTests(PackedBuild build)
{
    [Fact]
    public async Task The_package_loads_with_no_error_output_and_dlext_lists_every_magic()
    {
        await using var kernel = await StdioKernel.StartAsync(build, Repository.Root);
        var load = await kernel.LoadAsync(build);

        Assert.All(load, cell => Assert.Empty(cell.Errors));
        Assert.Contains(load[1].Events, e => e.FormattedValues.Values.Any(v => v.Contains("Loading extension script", StringComparison.Ordinal)));
        var help = await kernel.SubmitAsync("#!dlext");
        Assert.True(help.Succeeded, help.Describe());
        var text = Assert.Single(help.Displays).Last().FormattedValues["text/plain"];
        foreach (var magic in DlExtMagics.All)
        {
            Assert.Contains(magic.Name, text, StringComparison.Ordinal);
            Assert.All(magic.Options, o => Assert.Contains(o.Name, text, StringComparison.Ordinal));
        }

        Assert.Contains(DlExtMagics.TestedKernelVersion, text, StringComparison.Ordinal);
        KernelOutputs.Save("dlext-help", help);
        KernelOutputs.Log($"kernel start {kernel.StartTime.TotalSeconds:F1} s, #i {load[0].Elapsed.TotalSeconds:F1} s, #r (restore into a fresh folder + extension) {load[1].Elapsed.TotalSeconds:F1} s, pack {build.PackSeconds:F1} s");
    }

    [Fact]
    public async Task A_magic_in_a_kernel_without_the_package_is_unknown_and_one_with_it_is_known()
    {
        await using var kernel = await StdioKernel.StartAsync(build, Repository.Root);

        var before = await kernel.SubmitAsync("#!dlext");
        await kernel.LoadAsync(build);
        var after = await kernel.SubmitAsync("#!dlext");

        Assert.False(before.Succeeded);
        Assert.Contains("Unknown magic command", before.FailureMessage, StringComparison.Ordinal);
        Assert.True(after.Succeeded, after.Describe());
    }
}
