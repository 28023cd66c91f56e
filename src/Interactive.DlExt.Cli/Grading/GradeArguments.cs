using System.Globalization;

namespace Interactive.DlExt.Cli.Grading;

/// <summary>Reads <c>dlext grade SUBMISSIONS [--out DIR] [--timeout SECONDS] [--package-source FEED]</c>; every bad
/// argument throws <see cref="DlExtArgumentException"/> naming the option, the value given and what is accepted.</summary>
internal static class GradeArguments
{
    public const string Out = "--out";
    public const string Timeout = "--timeout";
    public const string PackageSourceOption = "--package-source";

    private static readonly string[] Options = [Out, Timeout, PackageSourceOption];

    /// <summary>Checks the arguments (after the word <c>grade</c>) and returns the options.</summary>
    public static GradeOptions Read(IReadOnlyList<string> args)
    {
        string? submissions = null, output = null, timeout = null, source = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (submissions is not null)
                {
                    throw new DlExtArgumentException("SUBMISSIONS", $"dlext grade takes one submissions folder; '{submissions}' and '{arg}' were given");
                }

                submissions = arg;
                continue;
            }

            if (!Options.Contains(arg))
            {
                var suggestions = DidYouMean.Suggest(arg, Options);
                var hint = suggestions.Count == 0 ? "" : $"; did you mean {string.Join(" or ", suggestions)}?";
                throw new DlExtArgumentException("option", $"{arg} is not an option of dlext grade (it takes {string.Join(", ", Options)}){hint}");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new DlExtArgumentException(arg, $"{arg} needs a value such as {Example(arg)}");
            }

            var value = args[++i];
            switch (arg)
            {
                case Out: output = value; break;
                case Timeout: timeout = value; break;
                default: source = value; break;
            }
        }

        if (submissions is null)
        {
            throw new DlExtArgumentException("SUBMISSIONS", "nothing", "the folder of submissions: dlext grade submissions/");
        }

        if (!Directory.Exists(submissions))
        {
            throw new DlExtArgumentException("SUBMISSIONS", submissions, "an existing folder holding one notebook (.ipynb or .dib) or one folder per submission");
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(submissions));
        var outFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output ?? GradeOptions.DefaultOutput(root)));
        if (outFolder == root || outFolder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new DlExtArgumentException(Out, output!, $"a folder outside {submissions} (inside it, the grades would be graded as a submission)");
        }

        if (File.Exists(outFolder))
        {
            throw new DlExtArgumentException(Out, output ?? outFolder, "a folder (it is a file)");
        }

        return new GradeOptions(root, outFolder, TimeSpan.FromSeconds(Seconds(timeout)), source is null ? null : PackageSource.Open(source, PackageSourceOption));
    }

    private static int Seconds(string? text)
    {
        if (text is null)
        {
            return GradeOptions.DefaultTimeoutSeconds;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || seconds > GradeOptions.MaxTimeoutSeconds)
        {
            throw new DlExtArgumentException(Timeout, text, $"a whole number of seconds from 1 to {GradeOptions.MaxTimeoutSeconds}, the time limit per notebook (default {GradeOptions.DefaultTimeoutSeconds})");
        }

        return seconds;
    }

    private static string Example(string option) => option switch
    {
        Out => "grades/",
        Timeout => GradeOptions.DefaultTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        _ => "artifacts/packages",
    };
}
