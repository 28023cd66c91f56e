namespace Interactive.DlExt.Notebook;

/// <summary>#!verify: re-runs the #!train line a manifest recorded, in this notebook (its variables must exist), and
/// shows whether the re-run is bit-identical or the first epoch and field that differ with the likely cause.</summary>
internal static class VerifyMagic
{
    /// <summary>The variable the re-run's history is stored in (its model beside it, as #!train --out does).</summary>
    internal const string RerunVariable = "dlextVerifyRun";

    private static readonly string[] FileOptions = ["--manifest", "--report", "--out", "--checkpoint", "--checkpoint-every"];

    public static async Task RunAsync(INotebookHost host, MagicArguments arguments)
    {
        var path = arguments.Text("--manifest") ?? throw new DlExtArgumentException("--manifest", "nothing", "the manifest file to verify, e.g. #!verify run.json");
        RunManifest manifest;
        try
        {
            manifest = RunManifest.Load(path);
        }
        catch (DlExtFileException e)
        {
            throw new DlExtArgumentException("--manifest", e.Message);
        }

        if (manifest.Command is not { } command || !command.StartsWith(DlExtMagics.Train.Name + " ", StringComparison.Ordinal))
        {
            throw new DlExtArgumentException("--manifest", $"'{path}' records {(manifest.Command is null ? "no command" : $"'{manifest.Command}'")}: #!verify re-runs manifests written by #!train --manifest (a dlext manifest is checked with dlext verify).");
        }

        host.Display(new TrainingStatus("verify: re-running " + command));
        await MagicInvoker.InvokeAsync(host, Rerun(command), DlExtMagics.Train.Name).ConfigureAwait(false);
        var history = MagicInvoker.Variable<TrainingHistory>(host, "--manifest", RerunVariable);
        var comparison = ManifestComparison.Compare(manifest, history.Manifest!);
        host.Display(comparison);
        if (arguments.Text("--out") is { } outName)
        {
            await host.SetVariableAsync(outName, comparison, typeof(ManifestComparison)).ConfigureAwait(false);
        }
    }

    /// <summary>The recorded line from the start, quietly, writing no file over the original's: --resume dropped, file
    /// options dropped, the history to <see cref="RerunVariable"/>.</summary>
    internal static string Rerun(string command)
    {
        var tokens = MagicParser.Tokenize(command);
        var kept = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is "--resume" or "--quiet" or "--continue")
            {
                continue;
            }

            if (FileOptions.Contains(tokens[i]))
            {
                i++;
                continue;
            }

            kept.Add(tokens[i].Any(char.IsWhiteSpace) || tokens[i].Length == 0 ? "\"" + tokens[i].Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : tokens[i]);
        }

        return string.Join(' ', kept) + " --quiet --out " + RerunVariable;
    }
}
