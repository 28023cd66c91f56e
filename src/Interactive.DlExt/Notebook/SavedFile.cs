namespace Interactive.DlExt.Notebook;

/// <summary>
/// The status line after a magic saved a file: the path as the user wrote it, so a notebook's output reads the same on
/// every machine (a relative path is in the kernel's working folder, the notebook's own for Polyglot and Jupyter).
/// </summary>
internal static class SavedFile
{
    public static TrainingStatus Status(string kind, string path) =>
        new(Path.IsPathRooted(path) ? $"{kind}: {path}" : $"{kind}: {path} (in the kernel's working folder)");
}
