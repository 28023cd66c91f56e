using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Interactive.DlExt.Search;

/// <summary>
/// Keeps studies in a SQLite file that several processes on one machine can share, and that a later session
/// resumes from. The file has a versioned schema (table schema_version; a file from a newer version of this
/// library is refused), runs in WAL mode with a busy timeout, and every write is one transaction. A trial is
/// claimed inside <c>BEGIN IMMEDIATE</c>, which takes the write lock before reading, so two workers never get
/// the same number. A trial left Running is re-queued (re-run with its number and parameters) when its
/// heartbeat is older than <see cref="AbandonAfter"/>, or at once when its owner ran on this machine and that
/// process has exited. A Cancelled trial keeps its curve until it is re-run; finished trials are never re-run. Parameters are stored as JSON, curves in a table.
/// </summary>
public sealed class SqliteStudyStorage : IStudyStorage
{
    /// <summary>The schema version this library writes and the newest it reads.</summary>
    public const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <summary>Opens (creating if needed) the study file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, e.g. "sweep.db".</param>
    /// <param name="timeProvider">The clock for heartbeats. The default is the system clock.</param>
    /// <param name="abandonAfter">Heartbeat age after which a running trial is re-queued. The default is 2 minutes.</param>
    public SqliteStudyStorage(string path, TimeProvider? timeProvider = null, TimeSpan? abandonAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _time = timeProvider ?? TimeProvider.System;
        AbandonAfter = abandonAfter ?? TimeSpan.FromMinutes(2);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        Initialize();
    }

    /// <summary>The full path of the study file.</summary>
    public string Path { get; }

    /// <summary>Heartbeat age after which a running trial counts as abandoned.</summary>
    public TimeSpan AbandonAfter { get; }

    /// <inheritdoc />
    public int OpenStudy(string name, StudyDirection direction, ulong seed, SearchSpace space)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(space);
        return InTransaction(c =>
        {
            using (var find = Command(c, "SELECT id, direction, seed, space FROM studies WHERE name = $name", ("$name", name)))
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    StudyCheck.Matches(
                        name,
                        Enum.Parse<StudyDirection>(reader.GetString(1)),
                        ulong.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                        reader.GetString(3),
                        direction,
                        seed,
                        space.Describe());
                    return reader.GetInt32(0);
                }
            }

            using var insert = Command(
                c,
                "INSERT INTO studies(name, direction, seed, space) VALUES ($name, $direction, $seed, $space); SELECT last_insert_rowid();",
                ("$name", name),
                ("$direction", direction.ToString()),
                ("$seed", seed.ToString(CultureInfo.InvariantCulture)),
                ("$space", space.Describe()));
            return Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        });
    }

    /// <inheritdoc />
    public ClaimResult ClaimTrial(int studyId, SearchSpace space, int budget, Func<StudyHistory, int, Suggestion> suggest)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(suggest);
        return InTransaction(c =>
        {
            var history = Load(c, studyId, space);
            var now = _time.GetUtcNow();
            var plan = ClaimPlanner.Decide(history, budget, suggest, t => ClaimPlanner.IsAbandoned(t, now, AbandonAfter));
            if (plan.Kind != SuggestionKind.Ready)
            {
                return plan.Kind == SuggestionKind.Wait ? ClaimResult.Wait : ClaimResult.Done;
            }

            var ms = now.ToUnixTimeMilliseconds();
            if (plan.Rerun)
            {
                Execute(c, "DELETE FROM intermediate_values WHERE study_id = $s AND number = $n", ("$s", studyId), ("$n", plan.Number));
                Execute(
                    c,
                    "UPDATE trials SET state = 'Running', value = NULL, message = NULL, owner = $o, started_ms = $t, heartbeat_ms = $t, finished_ms = NULL WHERE study_id = $s AND number = $n",
                    ("$o", ClaimPlanner.CurrentOwner),
                    ("$t", ms),
                    ("$s", studyId),
                    ("$n", plan.Number));
            }
            else
            {
                Execute(
                    c,
                    "INSERT INTO trials(study_id, number, state, parameters, owner, started_ms, heartbeat_ms) VALUES ($s, $n, 'Running', $p, $o, $t, $t)",
                    ("$s", studyId),
                    ("$n", plan.Number),
                    ("$p", TrialParametersJson.Write(plan.Parameters!, space)),
                    ("$o", ClaimPlanner.CurrentOwner),
                    ("$t", ms));
            }

            return ClaimResult.Claimed(new TrialRecord(
                plan.Number, TrialState.Running, plan.Parameters!, owner: ClaimPlanner.CurrentOwner, startedAt: now, heartbeatAt: now));
        });
    }

    /// <inheritdoc />
    public void ReportIntermediateValue(int studyId, int trialNumber, int step, double value) =>
        InTransaction(c =>
        {
            // SQLite stores NaN as NULL; it is read back as NaN.
            Execute(
                c,
                "INSERT OR REPLACE INTO intermediate_values(study_id, number, step, value) VALUES ($s, $n, $step, $v)",
                ("$s", studyId),
                ("$n", trialNumber),
                ("$step", step),
                ("$v", double.IsNaN(value) ? DBNull.Value : value));
            Execute(c, "UPDATE trials SET heartbeat_ms = $t WHERE study_id = $s AND number = $n", ("$t", Now()), ("$s", studyId), ("$n", trialNumber));
            return 0;
        });

    /// <inheritdoc />
    public void Heartbeat(int studyId, int trialNumber) =>
        InTransaction(c => Execute(
            c, "UPDATE trials SET heartbeat_ms = $t WHERE study_id = $s AND number = $n AND state = 'Running'", ("$t", Now()), ("$s", studyId), ("$n", trialNumber)));

    /// <inheritdoc />
    public void FinishTrial(int studyId, int trialNumber, TrialState state, double? value, string? message) =>
        InTransaction(c =>
        {
            if (state == TrialState.Waiting)
            {
                Execute(c, "DELETE FROM intermediate_values WHERE study_id = $s AND number = $n", ("$s", studyId), ("$n", trialNumber));
            }

            return Execute(
                c,
                "UPDATE trials SET state = $state, value = $v, message = $m, finished_ms = $t WHERE study_id = $s AND number = $n",
                ("$state", state.ToString()),
                ("$v", value is { } v && !double.IsNaN(v) ? v : DBNull.Value),
                ("$m", (object?)message ?? DBNull.Value),
                ("$t", Now()),
                ("$s", studyId),
                ("$n", trialNumber));
        });

    /// <inheritdoc />
    public StudyHistory LoadHistory(int studyId, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        using var c = Open();
        return Load(c, studyId, space);
    }

    /// <summary>Returns pooled connections so the file can be moved or deleted.</summary>
    public void Dispose() => SqliteConnection.ClearAllPools();

    private void Initialize()
    {
        using var c = Open();
        using (var wal = Command(c, "PRAGMA journal_mode = WAL;"))
        {
            wal.ExecuteNonQuery();
        }

        InTransaction(c, c =>
        {
            using var exists = Command(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
            if (Convert.ToInt32(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                Execute(c, SqliteSchema.CreateVersion1);
                Execute(c, "INSERT INTO schema_version(version) VALUES ($v)", ("$v", SchemaVersion));
                return 0;
            }

            using var version = Command(c, "SELECT max(version) FROM schema_version");
            var found = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (found > SchemaVersion)
            {
                throw new NotSupportedException(
                    $"The study file {Path} has schema version {found}, written by a newer Interactive.DlExt; this version reads up to {SchemaVersion}. Update the package, or use another file.");
            }

            return 0;
        });
    }

    private StudyHistory Load(SqliteConnection c, int studyId, SearchSpace space)
    {
        StudyDirection direction;
        using (var study = Command(c, "SELECT direction FROM studies WHERE id = $s", ("$s", studyId)))
        {
            direction = Enum.Parse<StudyDirection>((string)(study.ExecuteScalar() ?? throw new InvalidOperationException($"No study with id {studyId} in {Path}.")));
        }

        var curves = new Dictionary<int, SortedDictionary<int, double>>();
        using (var values = Command(c, "SELECT number, step, value FROM intermediate_values WHERE study_id = $s", ("$s", studyId)))
        using (var reader = values.ExecuteReader())
        {
            while (reader.Read())
            {
                var number = reader.GetInt32(0);
                if (!curves.TryGetValue(number, out var curve))
                {
                    curves[number] = curve = [];
                }

                curve[reader.GetInt32(1)] = reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2);
            }
        }

        var trials = new List<TrialRecord>();
        using (var rows = Command(
            c,
            "SELECT number, state, parameters, value, message, owner, started_ms, heartbeat_ms, finished_ms FROM trials WHERE study_id = $s ORDER BY number",
            ("$s", studyId)))
        using (var reader = rows.ExecuteReader())
        {
            while (reader.Read())
            {
                var number = reader.GetInt32(0);
                trials.Add(new TrialRecord(
                    number,
                    Enum.Parse<TrialState>(reader.GetString(1)),
                    TrialParametersJson.Read(reader.GetString(2), space),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    curves.GetValueOrDefault(number),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    Time(reader, 6),
                    Time(reader, 7),
                    Time(reader, 8)));
            }
        }

        return new StudyHistory(space, direction, trials);
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var pragma = Command(c, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;");
        pragma.ExecuteNonQuery();
        return c;
    }

    private T InTransaction<T>(Func<SqliteConnection, T> work)
    {
        using var c = Open();
        return InTransaction(c, work);
    }

    private static T InTransaction<T>(SqliteConnection c, Func<SqliteConnection, T> work)
    {
        // deferred: false → BEGIN IMMEDIATE: the write lock is taken before anything is read.
        using var transaction = c.BeginTransaction(deferred: false);
        var result = work(c);
        transaction.Commit();
        return result;
    }

    private static int Execute(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(c, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
