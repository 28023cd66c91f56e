namespace Interactive.DlExt.Notebook;

/// <summary>#!evaluate: one explicit evaluation of a trained model on held-out data.</summary>
internal static class EvaluateMagic
{
    public static async Task RunAsync(INotebookHost host, MagicArguments arguments)
    {
        var modelName = arguments.Text("--model") ?? throw new DlExtArgumentException("--model", "nothing", "the name of the C# variable holding the trained model, e.g. #!evaluate model --data test");
        var dataName = arguments.Text("--data") ?? throw new DlExtArgumentException("--data", "nothing", "the name of the C# variable holding the held-out Dataset");
        var model = MagicInvoker.Variable<Sequential>(host, "--model", modelName);
        var data = MagicInvoker.Variable<Dataset>(host, "--data", dataName);
        var result = Trainer.Evaluate(model, data, command: arguments.Line);
        host.Display(result);
        if (arguments.Text("--manifest") is { } manifestPath)
        {
            result.SaveManifest(manifestPath);
            host.Display(SavedFile.Status("manifest", manifestPath));
        }

        if (arguments.Text("--out") is { } outName)
        {
            await host.SetVariableAsync(outName, result, typeof(EvaluationResult)).ConfigureAwait(false);
        }
    }
}
