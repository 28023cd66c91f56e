using Interactive.DlExt.Cli.Grading;

namespace Interactive.DlExt.Cli.Tests.Grading;

public sealed class ReplLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-repl-log-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly NotebookCell[] Cells =
    [
        new(1, false, "# Homework"),
        new(2, true, "#i \"nuget: /feed\"\n#r \"nuget: Interactive.DlExt, 1.0.0\""),
        new(3, true, "var x = 1;\nx + 1"),
        new(4, true, "\nwhile (true) { }"),
        new(5, true, "Console.WriteLine(\"after\");"),
    ];

    [Fact]
    public void The_running_cell_is_the_last_cell_whose_submission_the_log_shows_skipping_the_kernels_own_code()
    {
        // Lines as dotnet-repl 0.3.259 logs them: a cell's root command has a token without a dot, the kernel's inner commands a dotted one.
        const string Prefix = "2026-12-03T09:28:51.1917024Z [00-9b49-bb71-00] [KernelInvocationContext] [KernelInvocationContext]  ▶  +[ ⁞Ϲ⁞ SubmitCode ";
        File.WriteAllLines(Path.Combine(_folder, "20261203-00001.log"),
        [
            Prefix + "# Homework (Token: 1pzLCkwVAEO4xcSzsP8EdA==, TargetKernelName: markdown, DestinationUri: ) ] ",
            Prefix + "#i \"nuget: /feed\" ... (Token: A1==, TargetKernelName: csharp, DestinationUri: ) ] ",
            Prefix + "using static Microsoft.DotNet.Interactive.Kernel; (Token: A1==.1, TargetKernelName: csharp, DestinationUri: ) ] ",
            Prefix + "Interactive.DlExt.KernelGlue.Load(kernel) (Token: Ext9==, TargetKernelName: csharp, DestinationUri: ) ] ",
            Prefix + "var x = 1; ... (Token: C3Hb==, TargetKernelName: csharp, DestinationUri: ) ] ",
            "2026-12-03T09:28:54.4518087Z [00-2d16-c1a2-00] [KernelInvocationContext] [KernelInvocationContext]  ⏹ (3177.5711ms)  ",
            Prefix + "while (true) { } (Token: GqLa==, TargetKernelName: csharp, DestinationUri: ) ] ",
        ]);

        Assert.Equal(Cells[3], ReplLog.RunningCell(_folder, Cells));
    }

    [Fact]
    public void A_long_first_line_is_matched_by_the_part_the_log_shows()
    {
        NotebookCell[] cells = [new(1, true, "System.IO.File.WriteAllText(\"a.txt\", System.IO.Directory.GetCurrentDirectory());")];

        Assert.Equal(cells[0], ReplLog.Match(["System.IO.File.WriteAllText(\"a.txt\", System.IO.Dir ..."], cells));
    }

    [Fact]
    public void Without_a_log_or_a_matching_line_the_running_cell_is_unknown()
    {
        Assert.Null(ReplLog.RunningCell(Path.Combine(_folder, "none"), Cells));
        Assert.Null(ReplLog.Match(["something else"], Cells));
    }
}
