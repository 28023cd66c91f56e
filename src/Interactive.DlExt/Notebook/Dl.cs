namespace Interactive.DlExt.Notebook;

/// <summary>
/// The magics as plain C#: what <c>#!train</c> does, callable from any host (a notebook, the console, a report).
/// </summary>
public static class Dl
{
    /// <summary>Trains with a live view on <paramref name="host"/>, then shows the final history, writes the
    /// report and stores the history variable when the request asks for them.</summary>
    public static async Task<TrainingHistory> TrainAsync(INotebookHost host, TrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options.Clone();
        if (request.OutVariable is { } name && !MagicParser.IsIdentifier(name))
        {
            throw new DlExtArgumentException("--out", name, "a C# variable name (letters, digits and _, not starting with a digit)");
        }

        var handle = host.Display(new TrainingStatus("preparing training…"));
        if (!request.Quiet)
        {
            options.Callbacks.Add(new LiveView(handle, options.TimeProvider, host.MinimumUpdateInterval));
        }

        // Awaited inside the magic's handler: updates sent after the handler returns would be dropped.
        var history = await Trainer.FitAsync(request.Model, request.Data, options, host.CancellationToken).ConfigureAwait(false);
        handle.Update(history);
        if (request.ReportPath is { } path)
        {
            HtmlReport.Save(path, "Training report", history);
            host.Display(SavedFile.Status("report", path));
        }

        if (request.ManifestPath is { } manifestPath)
        {
            history.SaveManifest(manifestPath);
            host.Display(SavedFile.Status("manifest", manifestPath));
        }

        if (request.OutVariable is { } outName)
        {
            // The history, and the trained model beside it (a model built by a factory has no other name).
            await host.SetVariableAsync(outName, history, typeof(TrainingHistory)).ConfigureAwait(false);
            await host.SetVariableAsync(outName + "Model", request.Model, typeof(Sequential)).ConfigureAwait(false);
        }

        return history;
    }

    /// <summary>Trains in a terminal: the same as <c>#!train</c>, with a progress line per epoch on the console.</summary>
    public static TrainingHistory Train(Sequential model, Dataset data, TrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        var host = new ConsoleHost(Console.Out, rewriteLine: !Console.IsOutputRedirected, cancellationToken);
        return TrainAsync(host, new TrainRequest(model, data, options ?? new TrainingOptions())).GetAwaiter().GetResult();
    }
}
