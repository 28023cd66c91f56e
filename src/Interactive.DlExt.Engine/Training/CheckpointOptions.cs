namespace Interactive.DlExt;

/// <summary>
/// Where a training run saves its checkpoint and how often: the file <see cref="FileName"/> in
/// <see cref="Directory"/>, replaced atomically (written beside it, then renamed over it) every
/// <see cref="Every"/> epochs, after the last planned epoch and when the run stops early.
/// </summary>
public sealed class CheckpointOptions
{
    /// <summary>The checkpoint's file name inside <see cref="Directory"/>: a safetensors file (the model's
    /// parameters under their own names, readable by other tools) whose metadata holds the run's state as JSON.</summary>
    public const string FileName = "checkpoint.safetensors";

    /// <summary>Creates the options.</summary>
    /// <param name="directory">The folder of the checkpoint (created when the first checkpoint is written).</param>
    /// <param name="every">Save every this many epochs, ≥ 1. The default is 1.</param>
    public CheckpointOptions(string directory, int every = 1)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new DlExtArgumentException("checkpoint", $"\"{directory}\"", "a folder path");
        }

        Directory = directory;
        Every = Guard.AtLeast(every, 1, "checkpoint every");
    }

    /// <summary>The folder of the checkpoint.</summary>
    public string Directory { get; }

    /// <summary>Save every this many epochs.</summary>
    public int Every { get; }

    /// <summary>The checkpoint file: <see cref="FileName"/> in <see cref="Directory"/>, as a full path.</summary>
    public string FilePath => Path.GetFullPath(Path.Combine(Directory, FileName));

    /// <inheritdoc />
    public override string ToString() => $"checkpoint '{Directory}' every {Every} epoch{(Every == 1 ? string.Empty : "s")}";
}
