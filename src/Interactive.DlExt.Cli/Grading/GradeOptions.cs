namespace Interactive.DlExt.Cli.Grading;

/// <summary>What <c>dlext grade</c> was asked to do, checked (see <see cref="GradeArguments"/>).</summary>
/// <param name="Submissions">The folder of submissions (full path).</param>
/// <param name="Output">Where the summary and the executed notebooks go (full path, outside <paramref name="Submissions"/>).</param>
/// <param name="Timeout">The time limit per notebook.</param>
/// <param name="PackageSource">A local feed (folder) whose Interactive.DlExt package the notebooks load instead of nuget.org's, or null.</param>
internal sealed record GradeOptions(string Submissions, string Output, TimeSpan Timeout, PackageSource? PackageSource)
{
    /// <summary>The time limit per notebook when --timeout is not given.</summary>
    public const int DefaultTimeoutSeconds = 300;

    /// <summary>The longest time limit accepted (a day).</summary>
    public const int MaxTimeoutSeconds = 86_400;

    /// <summary>The default output folder: a sibling of the submissions folder named after it, e.g. <c>submissions-grades</c>.</summary>
    public static string DefaultOutput(string submissions) =>
        Path.Combine(Path.GetDirectoryName(submissions) ?? submissions, Path.GetFileName(submissions) + "-grades");
}
