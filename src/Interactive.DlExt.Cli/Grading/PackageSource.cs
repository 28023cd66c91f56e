using System.Text.RegularExpressions;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>
/// A local package feed (a folder of .nupkg files, as <c>dotnet pack -o FOLDER</c> writes) and the Interactive.DlExt
/// version the graded notebooks load from it: the newest <c>Interactive.DlExt.VERSION.nupkg</c> there.
/// </summary>
/// <param name="Folder">The feed's full path.</param>
/// <param name="Version">The package version the notebooks are pinned to.</param>
internal sealed partial record PackageSource(string Folder, string Version)
{
    /// <summary>The package every notebook loads in its first code cell.</summary>
    public const string PackageId = "Interactive.DlExt";

    /// <summary>Reads the feed at <paramref name="path"/>; a missing folder or one without the package is refused,
    /// naming <paramref name="option"/>.</summary>
    public static PackageSource Open(string path, string option)
    {
        const string Accepted = "a folder holding Interactive.DlExt.VERSION.nupkg with the packages it needs (dotnet pack Interactive.DlExt.sln -o FOLDER -p:PackageVersion=VERSION)";
        if (!Directory.Exists(path))
        {
            throw new DlExtArgumentException(option, path, Accepted);
        }

        var versions = Directory.EnumerateFiles(path, PackageId + ".*.nupkg")
            .Select(f => PackageFile().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups["version"].Value)
            .ToList();
        if (versions.Count == 0)
        {
            throw new DlExtArgumentException(option, path, Accepted + "; it holds no Interactive.DlExt package");
        }

        return new PackageSource(Path.GetFullPath(path), versions.Max(PackageVersionComparer.Instance)!);
    }

    /// <summary>The lines that replace <c>#r "nuget: Interactive.DlExt"</c>: this feed, then the package pinned to
    /// <see cref="Version"/>.</summary>
    public IReadOnlyList<string> LoadLines => [$"#i \"nuget: {Folder}\"", $"#r \"nuget: {PackageId}, {Version}\""];

    // Interactive.DlExt.Engine.1.0.0.nupkg is another package: a version starts with a digit.
    [GeneratedRegex(@"^Interactive\.DlExt\.(?<version>\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)\.nupkg$")]
    private static partial Regex PackageFile();
}
