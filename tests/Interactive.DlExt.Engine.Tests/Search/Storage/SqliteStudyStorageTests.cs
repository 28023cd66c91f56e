using Interactive.DlExt.Search;
using Interactive.DlExt.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Interactive.DlExt.Tests.Search;

public sealed class SqliteStudyStorageTests
{
    private static StudyOptions Options(IStudyStorage storage, SearchStrategy? strategy = null) =>
        new() { Storage = storage, Strategy = strategy ?? new RandomSearch(), Seed = 3, Direction = StudyDirection.Minimize };

    [Fact]
    public void Trials_parameters_and_curves_round_trip_through_the_file()
    {
        using var file = new TempStudyFile();
        string[] written;
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            var study = new Study("rt", SearchSpaceTests.Conditional(), Options(storage));
            study.Optimize(
                t =>
                {
                    t.Report(0, 2.5);
                    t.Report(1, double.NaN);
                    return t.Number == 3 ? throw new InvalidOperationException("diverged") : t.Parameters.Double("lr");
                },
                trials: 6);
            written = study.Trials.Select(Describe).ToArray();
        }

        using var reopened = new SqliteStudyStorage(file.Path);
        var again = new Study("rt", SearchSpaceTests.Conditional(), Options(reopened));
        Assert.Equal(written, again.Trials.Select(Describe).ToArray());
        var failed = again.Trials[3];
        Assert.Equal(TrialState.Failed, failed.State);
        Assert.Equal("InvalidOperationException: diverged", failed.Message);
        Assert.Equal(2.5, again.Trials[0].IntermediateValues[0]);
        Assert.True(double.IsNaN(again.Trials[0].IntermediateValues[1]));
        Assert.IsType<int>(again.Trials[0].Parameters.Value("batch_size"));
        Assert.IsType<double>(again.Trials[0].Parameters.Value("lr"));
    }

    private static string Describe(TrialRecord t) =>
        $"{t.Number} {t.State} {t.Value:R} {t.Message} [{t.Parameters}] {string.Join(",", t.IntermediateValues.Select(kv => $"{kv.Key}:{kv.Value:R}"))}";

    [Fact]
    public void The_file_uses_wal_mode_and_records_its_schema_version()
    {
        using var file = new TempStudyFile();
        using (new SqliteStudyStorage(file.Path))
        {
        }

        using var c = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        c.Open();
        using var mode = c.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
        using var version = c.CreateCommand();
        version.CommandText = "SELECT max(version) FROM schema_version";
        Assert.Equal((long)SqliteStudyStorage.SchemaVersion, version.ExecuteScalar());
    }

    [Fact]
    public void A_file_from_a_newer_schema_is_refused_with_a_clear_message()
    {
        using var file = new TempStudyFile();
        using (new SqliteStudyStorage(file.Path))
        {
        }

        using (var c = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            c.Open();
            using var bump = c.CreateCommand();
            bump.CommandText = "UPDATE schema_version SET version = 99";
            bump.ExecuteNonQuery();
        }

        var e = Assert.Throws<NotSupportedException>(() => new SqliteStudyStorage(file.Path));
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer Interactive.DlExt", e.Message, StringComparison.Ordinal);
        Assert.Contains($"reads up to {SqliteStudyStorage.SchemaVersion}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopening_a_study_with_another_direction_or_space_is_refused()
    {
        using var file = new TempStudyFile();
        using var storage = new SqliteStudyStorage(file.Path);
        _ = new Study("s", SearchSpaceTests.Conditional(), Options(storage));
        var direction = Assert.Throws<DlExtArgumentException>(() =>
            new Study("s", SearchSpaceTests.Conditional(), new StudyOptions { Storage = storage, Seed = 3, Direction = StudyDirection.Maximize }));
        Assert.Contains("the direction study 's' was created with", direction.Reason, StringComparison.Ordinal);
        var space = Assert.Throws<DlExtArgumentException>(() => new Study("s", SearchSpace.Create().Uniform("x", 0, 1), Options(storage)));
        Assert.Contains("use a new study name", space.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trial_left_running_with_a_stale_heartbeat_is_rerun_on_resume_and_finished_trials_are_not()
    {
        using var file = new TempStudyFile();
        var space = SearchSpace.Create().Choice("a", 1, 2, 3, 4);
        var seen = new List<int>();
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            var study = new Study("resume", space, Options(storage, new GridSearch()));
            study.Optimize(t => t.Parameters.Int("a"), trials: 2);
        }

        // A process on another machine claimed trial 2, reported once, then died 10 minutes ago.
        using (var c = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            c.Open();
            using var insert = c.CreateCommand();
            var stale = DateTimeOffset.FromUnixTimeMilliseconds(0).AddYears(50).ToUnixTimeMilliseconds();
            insert.CommandText = $$"""
                INSERT INTO trials(study_id, number, state, parameters, owner, started_ms, heartbeat_ms) VALUES (1, 2, 'Running', '{"a":3}', 'elsewhere:1234', {{stale}}, {{stale}});
                INSERT INTO intermediate_values(study_id, number, step, value) VALUES (1, 2, 0, 42.0);
                """;
            insert.ExecuteNonQuery();
        }

        using (var storage = new SqliteStudyStorage(file.Path))
        {
            var study = new Study("resume", space, Options(storage, new GridSearch()));
            var finished = study.Optimize(
                t =>
                {
                    lock (seen)
                    {
                        seen.Add(t.Number);
                    }

                    return t.Parameters.Int("a");
                },
                trials: 4);
            Assert.Equal(2, finished);
            Assert.Equal(new[] { 2, 3 }, seen.Order());
            Assert.All(study.Trials, t => Assert.Equal(TrialState.Completed, t.State));
            Assert.Equal(new[] { 1, 2, 3, 4 }, study.Trials.Select(t => t.Parameters.Int("a")));
            Assert.Empty(study.Trials[2].IntermediateValues); // the dead run's partial curve was dropped with it
        }
    }

    [Fact]
    public void A_trial_whose_owner_process_on_this_machine_has_exited_is_rerun_at_once()
    {
        using var file = new TempStudyFile();
        var space = SearchSpace.Create().Choice("a", 1, 2);
        using var exited = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        exited.WaitForExit();
        using var storage = new SqliteStudyStorage(file.Path);
        var study = new Study("dead-owner", space, Options(storage, new GridSearch()));
        using (var c = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            c.Open();
            using var insert = c.CreateCommand();
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            insert.CommandText = $"INSERT INTO trials(study_id, number, state, parameters, owner, started_ms, heartbeat_ms) VALUES (1, 0, 'Running', '{{\"a\":1}}', '{Environment.MachineName}:{exited.Id}', {now}, {now})";
            insert.ExecuteNonQuery();
        }

        Assert.Equal(2, study.Optimize(t => t.Parameters.Int("a"), trials: 2));
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Completed, t.State));
    }

    [Fact]
    public void A_worker_paused_past_the_abandon_timeout_cannot_overwrite_the_trial_another_worker_reran()
    {
        using var file = new TempStudyFile();
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        var space = SearchSpace.Create().Choice("a", 1, 2);
        using var pausedStorage = new SqliteStudyStorage(file.Path, clock, TimeSpan.FromMinutes(2));
        using var otherStorage = new SqliteStudyStorage(file.Path, clock, TimeSpan.FromMinutes(2));
        // The storages share the manual clock; the studies' own (system) clock drives heartbeats every 10 s, never within this test.
        var paused = new Study("late", space, Options(pausedStorage, new GridSearch()));
        var other = new Study("late", space, Options(otherStorage, new GridSearch()));
        var otherFinished = 0;
        var superseded = false;

        var pausedFinished = paused.Optimize(
            t =>
            {
                clock.Advance(TimeSpan.FromMinutes(5)); // SIGSTOP: no heartbeat for longer than the abandon timeout
                otherFinished = other.Optimize(r => { r.Report(0, 10 * r.Attempt); return r.Parameters.Int("a"); }, trials: 1);
                t.Report(0, 99); // resumed: its late report and its result must not land
                superseded = t.IsSuperseded;
                return 99;
            },
            trials: 1);

        Assert.Equal(1, otherFinished);
        Assert.True(superseded);
        Assert.Equal(0, pausedFinished); // the late worker moved on without error and without counting the trial
        var trial = Assert.Single(other.Trials);
        Assert.Equal(TrialState.Completed, trial.State);
        Assert.Equal(1.0, trial.Value);
        Assert.Equal(2, trial.Attempt);
        Assert.Equal(20.0, trial.IntermediateValues[0]);
    }

    [Fact]
    public void A_replaced_attempt_can_neither_heartbeat_report_nor_finish()
    {
        using var file = new TempStudyFile();
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        var space = SearchSpace.Create().Choice("a", 1, 2);
        using var storage = new SqliteStudyStorage(file.Path, clock, TimeSpan.FromMinutes(2));
        var id = storage.OpenStudy("s", StudyDirection.Minimize, 0, space, new Dictionary<string, string>());
        var suggest = (StudyHistory h, int n) => Suggestion.Ready(new TrialParameters([new("a", (object)1)]));
        var first = storage.ClaimTrial(id, space, 1, suggest).Trial!;
        clock.Advance(TimeSpan.FromMinutes(3));
        var second = storage.ClaimTrial(id, space, 1, suggest).Trial!;

        Assert.Equal((1, 2), (first.Attempt, second.Attempt));
        Assert.False(storage.Heartbeat(id, 0, first.Attempt));
        Assert.False(storage.ReportIntermediateValue(id, 0, first.Attempt, 0, 5));
        Assert.False(storage.FinishTrial(id, 0, first.Attempt, TrialState.Failed, null, "late"));
        Assert.True(storage.ReportIntermediateValue(id, 0, second.Attempt, 0, 7));
        Assert.True(storage.FinishTrial(id, 0, second.Attempt, TrialState.Completed, 7, null));
        Assert.False(storage.FinishTrial(id, 0, second.Attempt, TrialState.Failed, null, "twice"));

        var stored = Assert.Single(storage.LoadHistory(id, space).Trials);
        Assert.Equal((TrialState.Completed, 7.0, 7.0), (stored.State, stored.Value!.Value, stored.IntermediateValues[0]));
    }

    [Fact]
    public void Workers_opening_a_version_1_file_at_once_migrate_it_exactly_once()
    {
        using var file = new TempStudyFile();
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            new Study("v1", SearchSpace.Create().Choice("a", 1, 2), Options(storage, new GridSearch())).Optimize(t => t.Parameters.Int("a"), trials: 2);
        }

        MakeVersion1(file.Path);
        SqliteConnection.ClearAllPools();
        Parallel.For(0, 6, _ =>
        {
            using var storage = new SqliteStudyStorage(file.Path);
            Assert.Equal(2, new Study("v1", SearchSpace.Create().Choice("a", 1, 2), Options(storage, new GridSearch())).Trials.Count);
        });

        using var c = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        c.Open();
        using var versions = c.CreateCommand();
        versions.CommandText = "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)";
        Assert.Equal("1,2", versions.ExecuteScalar());
    }

    /// <summary>Turns a study file back into what version 1 of the library wrote: no settings, no attempts.</summary>
    internal static void MakeVersion1(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var downgrade = c.CreateCommand();
        downgrade.CommandText = """
            ALTER TABLE studies DROP COLUMN settings;
            ALTER TABLE trials DROP COLUMN attempt;
            DELETE FROM schema_version WHERE version > 1;
            """;
        downgrade.ExecuteNonQuery();
    }
}
