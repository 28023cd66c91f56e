namespace Interactive.DlExt.Search;

/// <summary>
/// The one rule for a study name that becomes a file name (NAME.study.db, see <see cref="SqliteStudyStorage.ForName"/>):
/// a name, never a path, so <c>../escape</c> or <c>/etc/x</c> cannot place a study file outside its folder.
/// </summary>
public static class StudyNames
{
    /// <summary>The longest accepted name, in characters.</summary>
    public const int MaxLength = 100;

    /// <summary>What <see cref="Validate"/> accepts, for messages and help text.</summary>
    public const string Accepted =
        "a study name of 1–100 letters, digits, spaces and - _ . + ( ), not starting with '.' or a space and not ending with '.' or a space (no '/', '\\' or '..': it is a name, not a path)";

    /// <summary>The file extension a named study's file gets.</summary>
    public const string FileExtension = ".study.db";

    /// <summary>Returns <paramref name="name"/> when it is a valid study name, else throws naming <paramref name="parameter"/>.</summary>
    /// <param name="name">The name to check.</param>
    /// <param name="parameter">The parameter or option to name in the error, e.g. "--study".</param>
    /// <exception cref="DlExtArgumentException">The name is empty, too long, or contains a separator, "..", a control or other character outside the accepted set.</exception>
    public static string Validate(string? name, string parameter = "study name")
    {
        if (name is null || !IsValid(name))
        {
            throw new DlExtArgumentException(parameter, name is null ? "null" : $"\"{Printable(name.Length > MaxLength ? name[..MaxLength] + "…" : name)}\"", Accepted);
        }

        return name;
    }

    /// <summary>Whether <paramref name="name"/> is a valid study name (see <see cref="Accepted"/>).</summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length is > 0 and <= MaxLength
            && name[0] is not ('.' or ' ')
            && name[^1] is not ('.' or ' ')
            && !name.Contains("..", StringComparison.Ordinal)
            && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '+' or '(' or ')');
    }

    // Control characters would garble the one-line message; show them as \uXXXX.
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
