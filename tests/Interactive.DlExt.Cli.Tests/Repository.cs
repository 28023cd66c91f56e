namespace Interactive.DlExt.Cli.Tests;

/// <summary>The checkout the tests were built from: its root (the folder with the solution) and the build configuration.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug, read from the test assembly's own output folder (bin/CONFIGURATION/net10.0).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Interactive.DlExt.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: Interactive.DlExt.sln was not found above " + AppContext.BaseDirectory);
    }
}
