namespace Interactive.DlExt.Cli;

/// <summary>The options closest to a mistyped one (edit distance, ignoring case), so "--epoch" and "--LR" point to
/// "--epochs" and "--lr".</summary>
internal static class DidYouMean
{
    public static IReadOnlyList<string> Suggest(string typed, IEnumerable<string> names)
    {
        var word = typed.TrimStart('-').ToLowerInvariant();
        var scored = names
            .Select(n => (Name: n, Distance: EditDistance.Between(word, n.TrimStart('-').ToLowerInvariant())))
            .Where(s => EditDistance.IsTypo(s.Distance, word.Length))
            .ToList();
        return scored.Count == 0 ? [] : [.. scored.Where(s => s.Distance == scored.Min(m => m.Distance)).Select(s => s.Name)];
    }
}
