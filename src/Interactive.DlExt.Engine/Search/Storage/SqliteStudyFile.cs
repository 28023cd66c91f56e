using System.Globalization;
using Microsoft.Data.Sqlite;
using static Interactive.DlExt.Search.SqliteCommands;

namespace Interactive.DlExt.Search;

/// <summary>
/// Opens a study file safely: a file that is not SQLite, a SQLite file of another program, a damaged file or one from a
/// newer library is refused before anything is written to it; an empty or missing file gets the current schema, and an
/// older study file is migrated inside one write transaction (so concurrent workers migrate it once).
/// </summary>
internal static class SqliteStudyFile
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>Checks the file read-only, then creates or migrates it.</summary>
    public static void Prepare(string path, SqliteConnection c, int schemaVersion)
    {
        var decoder = new StudyFileDecoder(path);
        Guarded(path, () => Check(c, path, decoder, schemaVersion));
        Guarded(path, () =>
        {
            Scalar(c, "PRAGMA journal_mode = WAL;");
            return InTransaction(c, c =>
            {
                // Read again under the write lock: another worker may have created or migrated the file meanwhile.
                var version = Version(c);
                if (version == 0)
                {
                    Execute(c, SqliteSchema.CreateVersion1);
                    Execute(c, "INSERT INTO schema_version(version) VALUES (1)");
                    version = 1;
                }

                if (version == 1)
                {
                    Execute(c, SqliteSchema.MigrateToVersion2);
                    Execute(c, "INSERT INTO schema_version(version) VALUES (2)");
                }

                return 0;
            });
        });
    }

    /// <summary>Runs <paramref name="work"/>, turning SQLite's "not a database" and "malformed" errors into a message that names the file.</summary>
    public static T Guarded<T>(string path, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteNotADatabase)
        {
            throw new DlExtFileException(path, $"is not a SQLite study file ({e.Message}); use a new study name or another path", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteCorrupt)
        {
            throw new StudyFileDecoder(path).Unreadable($"SQLite reports the file damaged ({e.Message})", e);
        }
    }

    private static int Check(SqliteConnection c, string path, StudyFileDecoder decoder, int schemaVersion)
    {
        var tables = Convert.ToInt32(Scalar(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), CultureInfo.InvariantCulture);
        if (tables == 0)
        {
            return 0; // new or empty file
        }

        if (Convert.ToInt32(Scalar(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"), CultureInfo.InvariantCulture) == 0)
        {
            throw new DlExtFileException(path, "is a SQLite file but not a study file (it has no schema_version table); use a new study name or another path");
        }

        var check = Convert.ToString(Scalar(c, "PRAGMA quick_check(1)"), CultureInfo.InvariantCulture);
        if (check != "ok")
        {
            // quick_check answers in several lines; the message stays one line.
            throw decoder.Unreadable($"SQLite's integrity check reports damage ({string.Join(" ", (check ?? "no answer").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))})");
        }

        var found = Version(c);
        if (found == 0)
        {
            throw decoder.Unreadable("its schema_version table is empty");
        }

        if (found > schemaVersion)
        {
            throw new NotSupportedException(
                $"The study file {path} has schema version {found}, written by a newer Interactive.DlExt; this version reads up to {schemaVersion}. Update the package, or use another file.");
        }

        return found;
    }

    /// <summary>The file's schema version, 0 when it has no tables yet.</summary>
    private static int Version(SqliteConnection c)
    {
        if (Convert.ToInt32(Scalar(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        return Scalar(c, "SELECT max(version) FROM schema_version") is long v ? (int)v : 0;
    }
}
