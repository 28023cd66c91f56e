using System.Globalization;
using System.Text;

namespace Interactive.DlExt.Notebook;

/// <summary>
/// Parses one magic line against its <see cref="MagicSpec"/>: <c>--opt value</c> and <c>--opt=value</c>,
/// scientific notation, comma lists, quoted strings. Every error names the option, the value and what is
/// accepted, and an unknown option gets the nearest known name suggested.
/// </summary>
public static class MagicParser
{
    /// <summary>Parses <paramref name="line"/> (starting with the magic's name) into checked arguments.</summary>
    public static MagicArguments Parse(MagicSpec spec, string line)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(line);
        var tokens = Tokenize(line);
        var start = tokens.Count > 0 && tokens[0] == spec.Name ? 1 : 0;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                var positional = spec.Options.FirstOrDefault(o => o.Positional && !values.ContainsKey(o.Name))
                    ?? throw new DlExtArgumentException("argument", $"a word without an option: '{token}'. Options start with --; see #!dlext for {spec.Name}'s options.");
                values[positional.Name] = Check(spec, positional, token);
                continue;
            }

            var name = token;
            string? inline = null;
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = token[..eq];
                inline = token[(eq + 1)..];
            }

            var option = spec.Find(name) ?? throw Unknown(spec, name);
            if (values.ContainsKey(name))
            {
                throw new DlExtArgumentException(name, $"{name} is given twice; give it once (use a comma list for several values).");
            }

            if (option.IsFlag)
            {
                if (inline is not null)
                {
                    throw new DlExtArgumentException(name, inline, option.AcceptedText());
                }

                values[name] = string.Empty;
                continue;
            }

            string value;
            if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < tokens.Count && !IsOptionName(tokens[i + 1]))
            {
                value = tokens[++i];
            }
            else
            {
                throw new DlExtArgumentException(name, "nothing", option.AcceptedText());
            }

            values[name] = Check(spec, option, value);
        }

        return new MagicArguments(spec, values, line);
    }

    /// <summary>Splits a line into words; double or single quotes keep spaces, \" escapes a quote inside double quotes.</summary>
    public static IReadOnlyList<string> Tokenize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == '\\' && q == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (quote is not null)
        {
            throw new DlExtArgumentException("line", $"a quote ({quote}) is not closed: {line}");
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static bool IsOptionName(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2 && char.IsLetter(token[2]);

    private static string Check(MagicSpec spec, MagicOption option, string value)
    {
        switch (option.Kind)
        {
            case MagicOptionKind.WholeNumber:
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) || !InRange(option, integer))
                {
                    throw new DlExtArgumentException(option.Name, value, option.AcceptedText());
                }

                break;
            case MagicOptionKind.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number) || !InRange(option, number))
                {
                    throw new DlExtArgumentException(option.Name, value, option.AcceptedText());
                }

                break;
            case MagicOptionKind.Choice:
                if (!option.Allowed.Contains(value, StringComparer.Ordinal))
                {
                    var near = Nearest(value, option.Allowed);
                    throw new DlExtArgumentException(option.Name, value, option.AcceptedText() + (near is null ? string.Empty : $" (did you mean {near}?)"));
                }

                break;
            case MagicOptionKind.List:
                CheckList(option, value);
                break;
            case MagicOptionKind.Variable:
                if (!IsIdentifier(value))
                {
                    throw new DlExtArgumentException(option.Name, value, "a C# variable name (letters, digits and _, not starting with a digit)");
                }

                break;
        }

        _ = spec;
        return value;
    }

    private static void CheckList(MagicOption option, string value)
    {
        foreach (var item in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var fits = option.Allowed.Count > 0
                ? option.Allowed.Contains(item, StringComparer.Ordinal)
                : double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && InRange(option, number);
            if (!fits)
            {
                var near = option.Allowed.Count > 0 ? Nearest(item, option.Allowed) : null;
                var what = item.Length == 0 ? "an item is empty" : $"\"{item}\" is not accepted" + (near is null ? string.Empty : $"; did you mean {near}?");
                throw new DlExtArgumentException(option.Name, value, $"{option.AcceptedText()} ({what})");
            }
        }
    }

    private static bool InRange(MagicOption option, double v) =>
        NumberRange.Contains(v, option.Minimum, option.MinimumExclusive, option.Maximum, option.MaximumExclusive);

    /// <summary>Whether <paramref name="name"/> is a valid C# identifier (and no keyword), so a kernel can store a variable under it.</summary>
    public static bool IsIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        return name.All(c => char.IsLetterOrDigit(c) || c == '_') && !CSharpKeywords.Contains(name);
    }

    private static DlExtArgumentException Unknown(MagicSpec spec, string name)
    {
        var near = Nearest(name, spec.Options.Select(o => o.Name));
        var hint = near is null ? $"see #!dlext for the options of {spec.Name}" : $"did you mean {near}?";
        return new DlExtArgumentException(name, $"{name} is not an option of {spec.Name}: {hint}");
    }

    /// <summary>The candidate closest to <paramref name="word"/> by edit distance, if close enough to be a typo.</summary>
    internal static string? Nearest(string word, IEnumerable<string> candidates) => EditDistance.Nearest(word, candidates);

    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };
}
