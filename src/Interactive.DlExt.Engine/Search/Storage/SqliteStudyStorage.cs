using System.Globalization;
using Microsoft.Data.Sqlite;
using static Interactive.DlExt.Search.SqliteCommands;

namespace Interactive.DlExt.Search;

/// <summary>
/// Keeps studies in a SQLite file that several processes on one machine can share, and that a later session
/// resumes from. The file has a versioned schema (table schema_version; a file from a newer version of this
/// library is refused, an older one is migrated under the write lock), runs in WAL mode with a busy timeout, and
/// every write is one transaction. A trial is claimed inside <c>BEGIN IMMEDIATE</c>, which takes the write lock
/// before reading, so two workers never get the same number. A trial left Running is re-queued (re-run with its
/// number and parameters, as its next <see cref="TrialRecord.Attempt"/>) when its heartbeat is older than
/// <see cref="AbandonAfter"/>, or at once when its owner ran on this machine and that process has exited; writes
/// name their attempt, so a worker that was only paused cannot overwrite the re-run. A Cancelled trial keeps its
/// curve until it is re-run; finished trials are never re-run. Parameters and settings are stored as JSON, curves in a table.
/// <para>
/// Settings: a study stores its direction, seed, space and settings (<see cref="Study.StudySettings"/>) when it is
/// created, and reopening it with a different one is refused. A study created before settings were stored (schema
/// version 1) adopts the settings of its next open without a message, as does a study that lacks a setting added later.
/// </para>
/// <para>
/// A file that is not SQLite, a SQLite file of another program, a damaged file or a hand-edited value that cannot be
/// read is reported as a <see cref="DlExtFileException"/> naming the file; such a file is never written to.
/// </para>
/// </summary>
public sealed class SqliteStudyStorage : IStudyStorage
{
    /// <summary>The schema version this library writes and the newest it reads.</summary>
    public const int SchemaVersion = 2;

    // The claim a write must hold: the trial is still running, as the same attempt.
    private const string HeldBy = "study_id = $s AND number = $n AND attempt = $a AND state = 'Running'";

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly StudyFileDecoder _decoder;

    /// <summary>Opens (creating if needed) the study file at <paramref name="path"/>.</summary>
    /// <param name="path">The file, e.g. "sweep.db".</param>
    /// <param name="timeProvider">The clock for heartbeats. The default is the system clock.</param>
    /// <param name="abandonAfter">Heartbeat age after which a running trial is re-queued. The default is 2 minutes.</param>
    /// <exception cref="DlExtFileException">The file exists but is not a readable study file.</exception>
    public SqliteStudyStorage(string path, TimeProvider? timeProvider = null, TimeSpan? abandonAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _time = timeProvider ?? TimeProvider.System;
        _decoder = new StudyFileDecoder(Path);
        AbandonAfter = abandonAfter ?? TimeSpan.FromMinutes(2);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        Guarded(() =>
        {
            using var c = Open();
            SqliteStudyFile.Prepare(Path, c, SchemaVersion);
            return 0;
        });
    }

    /// <summary>The full path of the study file.</summary>
    public string Path { get; }

    /// <summary>Heartbeat age after which a running trial counts as abandoned.</summary>
    public TimeSpan AbandonAfter { get; }

    /// <summary>Opens the file of the study named <paramref name="name"/>: NAME.study.db in <paramref name="folder"/>.</summary>
    /// <param name="name">A study name, checked by <see cref="StudyNames.Validate"/>: a name, never a path.</param>
    /// <param name="folder">The folder the study files live in.</param>
    /// <param name="timeProvider">The clock for heartbeats. The default is the system clock.</param>
    /// <param name="abandonAfter">Heartbeat age after which a running trial is re-queued. The default is 2 minutes.</param>
    /// <exception cref="DlExtArgumentException">The name is not a valid study name.</exception>
    public static SqliteStudyStorage ForName(string name, string folder, TimeProvider? timeProvider = null, TimeSpan? abandonAfter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return new(System.IO.Path.Combine(folder, StudyNames.Validate(name) + StudyNames.FileExtension), timeProvider, abandonAfter);
    }

    /// <inheritdoc />
    public int OpenStudy(string name, StudyDirection direction, ulong seed, SearchSpace space, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        return InTransaction(c =>
        {
            using (var find = Command(c, "SELECT id, direction, seed, space, settings FROM studies WHERE name = $name", ("$name", name)))
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    var id = reader.GetInt32(0);
                    var row = $"study '{name}'";
                    var merged = StudyCheck.Matches(
                        name,
                        _decoder.Enum<StudyDirection>(reader.GetString(1), row, "direction"),
                        _decoder.Seed(reader.GetString(2), row),
                        reader.GetString(3),
                        _decoder.Settings(reader.IsDBNull(4) ? null : reader.GetString(4), row),
                        direction,
                        seed,
                        space.Describe(),
                        settings);
                    if (merged is not null)
                    {
                        Execute(c, "UPDATE studies SET settings = $settings WHERE id = $id", ("$settings", StudyFileDecoder.WriteSettings(merged)), ("$id", id));
                    }

                    return id;
                }
            }

            using var insert = Command(
                c,
                "INSERT INTO studies(name, direction, seed, space, settings) VALUES ($name, $direction, $seed, $space, $settings); SELECT last_insert_rowid();",
                ("$name", name),
                ("$direction", direction.ToString()),
                ("$seed", seed.ToString(CultureInfo.InvariantCulture)),
                ("$space", space.Describe()),
                ("$settings", StudyFileDecoder.WriteSettings(settings)));
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
                    "UPDATE trials SET state = 'Running', value = NULL, message = NULL, owner = $o, attempt = $a, started_ms = $t, heartbeat_ms = $t, finished_ms = NULL WHERE study_id = $s AND number = $n",
                    ("$o", ClaimPlanner.CurrentOwner),
                    ("$a", plan.Attempt),
                    ("$t", ms),
                    ("$s", studyId),
                    ("$n", plan.Number));
            }
            else
            {
                Execute(
                    c,
                    "INSERT INTO trials(study_id, number, state, parameters, owner, attempt, started_ms, heartbeat_ms) VALUES ($s, $n, 'Running', $p, $o, $a, $t, $t)",
                    ("$s", studyId),
                    ("$n", plan.Number),
                    ("$p", TrialParametersJson.Write(plan.Parameters!, space)),
                    ("$o", ClaimPlanner.CurrentOwner),
                    ("$a", plan.Attempt),
                    ("$t", ms));
            }

            return ClaimResult.Claimed(new TrialRecord(
                plan.Number, TrialState.Running, plan.Parameters!, owner: ClaimPlanner.CurrentOwner, startedAt: now, heartbeatAt: now, attempt: plan.Attempt));
        });
    }

    /// <inheritdoc />
    public bool ReportIntermediateValue(int studyId, int trialNumber, int attempt, int step, double value) =>
        InTransaction(c =>
        {
            if (!Beat(c, studyId, trialNumber, attempt))
            {
                return false;
            }

            // SQLite stores NaN as NULL; it is read back as NaN.
            Execute(
                c,
                "INSERT OR REPLACE INTO intermediate_values(study_id, number, step, value) VALUES ($s, $n, $step, $v)",
                ("$s", studyId),
                ("$n", trialNumber),
                ("$step", step),
                ("$v", double.IsNaN(value) ? DBNull.Value : value));
            return true;
        });

    /// <inheritdoc />
    public bool Heartbeat(int studyId, int trialNumber, int attempt) => InTransaction(c => Beat(c, studyId, trialNumber, attempt));

    /// <inheritdoc />
    public bool FinishTrial(int studyId, int trialNumber, int attempt, TrialState state, double? value, string? message) =>
        InTransaction(c =>
        {
            var held = Execute(
                c,
                $"UPDATE trials SET state = $state, value = $v, message = $m, finished_ms = $t WHERE {HeldBy}",
                ("$state", state.ToString()),
                ("$v", value is { } v && !double.IsNaN(v) ? v : DBNull.Value),
                ("$m", (object?)message ?? DBNull.Value),
                ("$t", Now()),
                ("$s", studyId),
                ("$n", trialNumber),
                ("$a", attempt)) == 1;
            if (held && state == TrialState.Waiting)
            {
                Execute(c, "DELETE FROM intermediate_values WHERE study_id = $s AND number = $n", ("$s", studyId), ("$n", trialNumber));
            }

            return held;
        });

    /// <inheritdoc />
    public StudyHistory LoadHistory(int studyId, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return Guarded(() =>
        {
            using var c = Open();
            return Load(c, studyId, space);
        });
    }

    /// <summary>Closes this storage's pooled connections so its file can be moved or deleted; the pools of other
    /// files (another study, the user's own SQLite work) are left alone.</summary>
    public void Dispose()
    {
        using var c = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(c);
    }

    private bool Beat(SqliteConnection c, int studyId, int trialNumber, int attempt) =>
        Execute(c, $"UPDATE trials SET heartbeat_ms = $t WHERE {HeldBy}", ("$t", Now()), ("$s", studyId), ("$n", trialNumber), ("$a", attempt)) == 1;

    private StudyHistory Load(SqliteConnection c, int studyId, SearchSpace space)
    {
        string name;
        StudyDirection direction;
        using (var study = Command(c, "SELECT name, direction FROM studies WHERE id = $s", ("$s", studyId)))
        using (var reader = study.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new InvalidOperationException($"No study with id {studyId} in {Path}.");
            }

            name = reader.GetString(0);
            direction = _decoder.Enum<StudyDirection>(reader.GetString(1), $"study '{name}'", "direction");
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
            "SELECT number, state, parameters, value, message, owner, started_ms, heartbeat_ms, finished_ms, attempt FROM trials WHERE study_id = $s ORDER BY number",
            ("$s", studyId)))
        using (var reader = rows.ExecuteReader())
        {
            while (reader.Read())
            {
                var number = reader.GetInt32(0);
                var row = $"trial {number} of study '{name}'";
                trials.Add(new TrialRecord(
                    number,
                    _decoder.Enum<TrialState>(reader.GetString(1), row, "state"),
                    _decoder.Parameters(reader.GetString(2), space, row),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    curves.GetValueOrDefault(number),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    Time(reader, 6),
                    Time(reader, 7),
                    Time(reader, 8),
                    Math.Max(1, reader.GetInt32(9))));
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

    private T InTransaction<T>(Func<SqliteConnection, T> work) => Guarded(() =>
    {
        using var c = Open();
        return SqliteCommands.InTransaction(c, work);
    });

    private T Guarded<T>(Func<T> work) => SqliteStudyFile.Guarded(Path, work);
}
