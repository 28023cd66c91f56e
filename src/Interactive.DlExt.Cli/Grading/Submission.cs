namespace Interactive.DlExt.Cli.Grading;

/// <summary>One student's submission: a notebook directly in the submissions folder, or a folder holding one notebook
/// and whatever else the student handed in (their manifests, data files).</summary>
/// <param name="Name">The file or folder name, as the summary lists it.</param>
/// <param name="Folder">The files that travel with the notebook: the submission's folder, or null for a lone notebook.</param>
/// <param name="Notebook">The notebook's full path, or null when the folder holds none or several.</param>
/// <param name="Problem">Why the submission cannot be run (no notebook, several), or null.</param>
internal sealed record Submission(string Name, string? Folder, string? Notebook, string? Problem)
{
    /// <summary>The notebook file extensions dotnet-repl runs.</summary>
    public static readonly string[] NotebookExtensions = [".ipynb", ".dib"];

    /// <summary>Whether <paramref name="path"/> names a notebook.</summary>
    public static bool IsNotebook(string path) =>
        NotebookExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The notebook's path relative to the submission (its file name for a lone notebook).</summary>
    public string? NotebookName => Notebook is null ? null : Folder is null ? Path.GetFileName(Notebook) : Path.GetRelativePath(Folder, Notebook);
}
