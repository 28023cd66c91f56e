namespace Interactive.DlExt.RealKernel.Tests.Support;

/// <summary>A kernel with the packed build loaded and a small lab defined: data, a model, factories.</summary>
public static class LoadedKernel
{
    public const string Setup = """
        using Interactive.DlExt;
        using Interactive.DlExt.Search;
        var (train, test) = DataSplit.TrainTest(Datasets.Digits(flatten: true), 0.2, seed: 1);
        var model = new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10));
        Func<Sequential> makeModel = () => new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10));
        var notAModel = 42;
        """;

    public static async Task<(StdioKernel Kernel, IReadOnlyList<CellResult> Load)> StartAsync(PackedBuild build)
    {
        var kernel = await StdioKernel.StartAsync(build, Repository.Root);
        var load = await kernel.LoadAsync(build);
        var setup = await kernel.SubmitAsync(Setup);
        Assert.True(setup.Succeeded, setup.Describe());
        return (kernel, load);
    }
}

/// <summary>Where a test saves what the kernel showed, for a person to render and read (DLEXT_KERNEL_OUTPUTS).</summary>
public static class KernelOutputs
{
    public static string? Folder => Environment.GetEnvironmentVariable("DLEXT_KERNEL_OUTPUTS") is { Length: > 0 } f ? Directory.CreateDirectory(f).FullName : null;

    public static void Save(string name, CellResult cell)
    {
        if (Folder is not { } folder)
        {
            return;
        }

        var html = string.Join("\n<hr>\n", cell.FinalHtml);
        File.WriteAllText(Path.Combine(folder, name + ".html"), $"<!doctype html><meta charset=\"utf-8\"><body style=\"max-width:1000px\"><pre>{System.Net.WebUtility.HtmlEncode(cell.Code)}</pre>{html}</body>");
    }

    public static void Log(string line)
    {
        if (Folder is { } folder)
        {
            File.AppendAllText(Path.Combine(folder, "summary.txt"), line + Environment.NewLine);
        }
    }
}
