namespace Interactive.DlExt.Cli;

/// <summary>The options closest to a mistyped one (edit distance, ignoring case), so "--epoch" and "--LR" point to
/// "--epochs" and "--lr".</summary>
internal static class DidYouMean
{
    public static IReadOnlyList<string> Suggest(string typed, IEnumerable<string> names)
    {
        var word = typed.TrimStart('-').ToLowerInvariant();
        var scored = names
            .Select(n => (Name: n, Distance: Distance(word, n.TrimStart('-').ToLowerInvariant())))
            .Where(s => s.Distance <= Math.Max(2, word.Length / 3))
            .ToList();
        return scored.Count == 0 ? [] : [.. scored.Where(s => s.Distance == scored.Min(m => m.Distance)).Select(s => s.Name)];
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
