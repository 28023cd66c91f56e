using System.Text;

namespace Interactive.DlExt.Cli;

/// <summary>A command line as one line of text and back, for the manifest's "command": arguments with spaces or quotes
/// are double-quoted (inner quotes and backslashes escaped), so <see cref="Split"/> gives the arguments back exactly.</summary>
internal static class CommandLineText
{
    /// <summary>"dlext" followed by the arguments, quoted where needed.</summary>
    public static string Join(IEnumerable<string> args) =>
        string.Join(' ', args.Select(Quote).Prepend("dlext"));

    /// <summary>The arguments of a line written by <see cref="Join"/> (without the leading "dlext").</summary>
    /// <exception cref="DlExtArgumentException">The line is not a dlext command line or has an unclosed quote.</exception>
    public static IReadOnlyList<string> Split(string line, string source)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var hasToken = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes && c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
            {
                current.Append(line[++i]);
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
                hasToken = true;
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (hasToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    hasToken = false;
                }
            }
            else
            {
                current.Append(c);
                hasToken = true;
            }
        }

        if (inQuotes)
        {
            throw new DlExtArgumentException(source, $"its command has an unclosed quote: {line}");
        }

        if (hasToken)
        {
            tokens.Add(current.ToString());
        }

        if (tokens.Count == 0 || tokens[0] != "dlext")
        {
            throw new DlExtArgumentException(source, $"its command is not a dlext command line: '{line}' (a manifest written by #!train is checked with #!verify in its notebook)");
        }

        return tokens.Skip(1).ToList();
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\\')
            ? arg
            : "\"" + arg.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
