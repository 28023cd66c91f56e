namespace Interactive.DlExt.Charts;

/// <summary>
/// Rough text widths for layout. Without a font engine we use an average advance per character class of a
/// typical sans-serif; it errs wide so labels get room rather than overlap.
/// </summary>
internal static class TextMetrics
{
    public static double Width(string text, double fontSize = 11)
    {
        double em = 0;
        foreach (var c in text)
        {
            em += c switch
            {
                'i' or 'l' or 'j' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or ' ' => 0.3,
                'm' or 'w' or 'M' or 'W' => 0.9,
                >= 'A' and <= 'Z' => 0.68,
                >= '0' and <= '9' => 0.58,
                _ => 0.56,
            };
        }

        return em * fontSize;
    }

    /// <summary>Cuts <paramref name="text"/> with an ellipsis so it fits <paramref name="maxWidth"/> pixels.</summary>
    public static string Fit(string text, double maxWidth, double fontSize = 11)
    {
        if (Width(text, fontSize) <= maxWidth)
        {
            return text;
        }

        for (var length = text.Length - 1; length > 0; length--)
        {
            var candidate = string.Concat(text.AsSpan(0, length), "…");
            if (Width(candidate, fontSize) <= maxWidth)
            {
                return candidate;
            }
        }

        return "…";
    }
}
