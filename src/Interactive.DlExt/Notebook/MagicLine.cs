namespace Interactive.DlExt.Notebook;

/// <summary>Finds the line of a magic inside a cell's text (the kernel hands the whole cell, not the line).</summary>
public static class MagicLine
{
    /// <summary>The <paramref name="occurrence"/>-th (0-based) line of <paramref name="cellText"/> whose first word is
    /// exactly <paramref name="magicName"/>.</summary>
    public static string Find(string cellText, string magicName, int occurrence = 0)
    {
        ArgumentNullException.ThrowIfNull(cellText);
        ArgumentNullException.ThrowIfNull(magicName);
        var seen = 0;
        foreach (var raw in cellText.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            var firstWord = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (firstWord == magicName)
            {
                if (seen == occurrence)
                {
                    return line;
                }

                seen++;
            }
        }

        throw new DlExtArgumentException("cell", $"no line number {occurrence + 1} starting with {magicName} was found in the cell.");
    }

    /// <summary>The name of the first line of <paramref name="cellText"/> that starts with one of this package's magics
    /// (a fallback for kernels that do not say which magic they invoked).</summary>
    public static string FirstMagicIn(string cellText)
    {
        ArgumentNullException.ThrowIfNull(cellText);
        foreach (var raw in cellText.Split('\n'))
        {
            var firstWord = raw.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (firstWord is not null && DlExtMagics.All.Any(s => s.Name == firstWord))
            {
                return firstWord;
            }
        }

        throw new DlExtArgumentException("cell", "the cell contains no Interactive.DlExt magic line.");
    }
}
