namespace Interactive.DlExt.Search;

/// <summary>Refuses to reopen a stored study with different settings, which would silently mix two experiments.</summary>
internal static class StudyCheck
{
    public static void Matches(
        string name, StudyDirection storedDirection, ulong storedSeed, string storedSpace, StudyDirection direction, ulong seed, string space)
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
    }
}
