namespace Interactive.DlExt.Notebook;

/// <summary>Everything #!train does, as plain data: the same request can be built from C# and run with
/// <see cref="Dl.TrainAsync(INotebookHost, TrainRequest)"/>.</summary>
/// <param name="Model">The model to train (in place).</param>
/// <param name="Data">The training data.</param>
/// <param name="Options">Hyperparameters and validation.</param>
public sealed record TrainRequest(Sequential Model, Dataset Data, TrainingOptions Options)
{
    /// <summary>A variable to store the history in, or null.</summary>
    public string? OutVariable { get; init; }

    /// <summary>A path to write a self-contained HTML report to, or null.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Where to save the run's manifest as JSON (<see cref="RunManifest"/>), or null.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>Whether to skip the live view and show only the final history.</summary>
    public bool Quiet { get; init; }
}
