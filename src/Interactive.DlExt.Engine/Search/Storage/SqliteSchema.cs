namespace Interactive.DlExt.Search;

/// <summary>The SQL of each schema version of the study file (a new version adds a migration, never edits an old one).</summary>
internal static class SqliteSchema
{
    public const string CreateVersion1 = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        CREATE TABLE studies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            direction TEXT NOT NULL,
            seed TEXT NOT NULL,
            space TEXT NOT NULL);
        CREATE TABLE trials (
            study_id INTEGER NOT NULL REFERENCES studies(id),
            number INTEGER NOT NULL,
            state TEXT NOT NULL,
            parameters TEXT NOT NULL,
            value REAL,
            message TEXT,
            owner TEXT,
            started_ms INTEGER,
            heartbeat_ms INTEGER,
            finished_ms INTEGER,
            PRIMARY KEY (study_id, number));
        CREATE TABLE intermediate_values (
            study_id INTEGER NOT NULL,
            number INTEGER NOT NULL,
            step INTEGER NOT NULL,
            value REAL,
            PRIMARY KEY (study_id, number, step));
        """;

    /// <summary>
    /// Version 2: the settings a study was created with (a JSON object; NULL for a study created by version 1, filled in
    /// on its next open) and each trial's claim count, which a worker must hold to write to the trial.
    /// </summary>
    public const string MigrateToVersion2 = """
        ALTER TABLE studies ADD COLUMN settings TEXT;
        ALTER TABLE trials ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
        """;
}
