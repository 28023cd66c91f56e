using Interactive.DlExt.Notebook;

namespace Interactive.DlExt.Cli;

/// <summary><c>dlext verify run.json</c>: re-runs the training a manifest describes (its recorded dlext command line)
/// and reports bit-identical (exit 0) or the first epoch and field that differ with the likely cause
/// (<see cref="ExitCodes.NotReproduced"/>).</summary>
internal static class VerifyCommand
{
    public const string Name = "verify";

    private const string Usage =
        "usage: dlext verify MANIFEST.json\n" +
        "Re-runs the training a manifest describes (written by dlext --manifest PATH) and checks every epoch's numbers, the\n" +
        "final metrics and the weights bit for bit. Exit 0: identical; 7: different (the first difference and its likely\n" +
        "cause are printed); 2: bad arguments; 4: the file is not a manifest.";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken)
    {
        if (args.Count == 1 && args[0] is "--help" or "-h" or "-?")
        {
            output.WriteLine(Usage);
            return ExitCodes.Success;
        }

        if (args.Count != 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new DlExtArgumentException(Name, args.Count == 0 ? "nothing" : string.Join(' ', args), "one manifest file: dlext verify run.json");
        }

        var path = args[0];
        var manifest = RunManifest.Load(path);
        if (manifest.Kind != RunManifest.TrainingKind || manifest.Command is not { } command)
        {
            throw new DlExtFileException(path, $"is a manifest of {(manifest.Command is null ? "a run without a recorded command" : "an " + manifest.Kind)}: dlext verify re-runs training manifests written by dlext --manifest");
        }

        // A fresh run from the start: a resumed run gives the bits of an uninterrupted one, so --resume is dropped, and the
        // re-run writes no checkpoint, report or manifest over the original's.
        var rerun = WithoutFileOutputs(CommandLineText.Split(command, path));
        var cli = new CliCommand();
        var options = cli.Read(cli.Parse(rerun)) with { Arguments = rerun, ManifestPath = null };
        output.WriteLine($"verify: re-running {command}");
        var (history, _, _, _) = await MainJob.TrainAsync(options, new ConsoleHost(output, interactive, cancellationToken), output).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("dlext verify: cancelled before the re-run finished");
            return ExitCodes.Cancelled;
        }

        var comparison = ManifestComparison.Compare(manifest, history.Manifest!);
        if (comparison.IsIdentical)
        {
            output.WriteLine($"verify: bit-identical: {manifest.Epochs.Count} epochs (digest {manifest.EpochsSha256[..12]}…), the final metrics and the weights (SHA-256 {manifest.WeightsSha256?[..12]}…) match {path}");
            return ExitCodes.Success;
        }

        error.WriteLine($"dlext verify: the re-run differs from {path}: {comparison.Differences[0]}");
        foreach (var difference in comparison.Differences.Skip(1).Take(5))
        {
            error.WriteLine("  also: " + difference);
        }

        error.WriteLine("  likely cause: " + comparison.LikelyCause);
        return ExitCodes.NotReproduced;
    }

    private static List<string> WithoutFileOutputs(IReadOnlyList<string> args)
    {
        string[] withValue = [OptionNames.Checkpoint, OptionNames.CheckpointEvery, OptionNames.Manifest, OptionNames.Report];
        var kept = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == OptionNames.Resume)
            {
                continue;
            }

            if (withValue.Contains(args[i]))
            {
                i++;
                continue;
            }

            kept.Add(args[i]);
        }

        return kept;
    }
}
