namespace Interactive.DlExt.Tests.Search;

/// <summary>Tests that watch SQLite's process-wide connection pools run alone: other study tests clear every pool
/// when they delete their files.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqlitePoolGroup
{
    public const string Name = "SQLite connection pools";
}
