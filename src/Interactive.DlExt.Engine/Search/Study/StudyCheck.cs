namespace Interactive.DlExt.Search;

/// <summary>
/// Refuses to reopen a stored study with different settings, which would silently mix two experiments in one ranking.
/// Direction, seed and space must match; of the other settings (strategy, pruner, and what the caller adds, such as a
/// sweep's epochs) every one both sides name must match. A setting the stored study does not have yet (a study created
/// before that setting was stored) is adopted: the caller stores the returned list.
/// </summary>
internal static class StudyCheck
{
    /// <summary>Throws on the first difference; returns the settings to store when the stored ones lack some given ones, else null.</summary>
    public static IReadOnlyDictionary<string, string>? Matches(
        string name,
        StudyDirection storedDirection,
        ulong storedSeed,
        string storedSpace,
        IReadOnlyDictionary<string, string>? storedSettings,
        StudyDirection direction,
        ulong seed,
        string space,
        IReadOnlyDictionary<string, string> settings)
    {
        if (storedDirection != direction)
        {
            throw new DlExtArgumentException("direction", direction.ToString(), $"{storedDirection}, the direction study '{name}' was created with");
        }

        if (storedSeed != seed)
        {
            throw new DlExtArgumentException("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{storedSeed}, the seed study '{name}' was created with");
        }

        if (storedSpace != space)
        {
            throw new DlExtArgumentException("space", space.Replace("\n", "; ", StringComparison.Ordinal), $"the space study '{name}' was created with ({storedSpace.Replace("\n", "; ", StringComparison.Ordinal)}); use a new study name");
        }

        var merged = new Dictionary<string, string>(storedSettings ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var added = false;
        foreach (var (setting, value) in settings)
        {
            if (!merged.TryGetValue(setting, out var stored))
            {
                merged[setting] = value;
                added = true;
            }
            else if (stored != value)
            {
                throw new DlExtArgumentException(setting, value, $"{stored}, the {setting} study '{name}' was created with; use a new study name");
            }
        }

        return added ? merged : null;
    }
}
