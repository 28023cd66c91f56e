using Interactive.DlExt.Search;
using Microsoft.Data.Sqlite;

namespace Interactive.DlExt.Tests.Search;

public sealed class SqliteStudyFileTests
{
    private static readonly SearchSpace Space = SearchSpace.Create().Choice("a", 1, 2, 3, 4).Uniform("x", 0, 1);

    private static StudyOptions Options(IStudyStorage storage) => new() { Storage = storage, Strategy = new GridSearch(), Seed = 1 };

    /// <summary>A study file with four completed trials, closed (its WAL checkpointed into the file).</summary>
    private static void WriteStudy(string path)
    {
        using var storage = new SqliteStudyStorage(path);
        new Study("s", Space, Options(storage)).Optimize(t => t.Parameters.Int("a"), trials: 4);
    }

    private static void Edit(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var edit = c.CreateCommand();
        edit.CommandText = sql;
        edit.ExecuteNonQuery();
    }

    private static DlExtFileException Refused(string path, Action open)
    {
        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(path);
        var e = Assert.Throws<DlExtFileException>(open);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(path)); // a file that failed to open is never written to
        Assert.Equal(Path.GetFullPath(path), e.FilePath);
        Assert.StartsWith($"'{Path.GetFullPath(path)}' ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message); // one line for a notebook or console
        return e;
    }

    [Fact]
    public void A_file_that_is_not_sqlite_at_all_is_refused_naming_the_file_and_left_untouched()
    {
        using var file = new TempStudyFile();
        File.WriteAllText(file.Path, "these are my notes, not a study\n" + new string('x', 5000));

        var e = Refused(file.Path, () => new SqliteStudyStorage(file.Path).Dispose());

        Assert.StartsWith("is not a SQLite study file (", e.Problem, StringComparison.Ordinal);
        Assert.EndsWith("; use a new study name or another path", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sqlite_file_of_another_program_is_refused_and_gets_no_study_tables()
    {
        using var file = new TempStudyFile();
        Edit(file.Path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('ada');");

        var e = Refused(file.Path, () => new SqliteStudyStorage(file.Path).Dispose());

        Assert.Equal("is a SQLite file but not a study file (it has no schema_version table); use a new study name or another path", e.Problem);
    }

    [Fact]
    public void A_study_file_with_garbage_bytes_in_a_page_is_reported_damaged_not_as_a_raw_sqlite_error()
    {
        using var file = new TempStudyFile();
        WriteStudy(file.Path);
        SqliteConnection.ClearAllPools();
        using (var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 4096; // page 2 onwards: the tables, keeping the header readable
            stream.Write(Enumerable.Repeat((byte)0xA5, 8192).ToArray());
        }

        var e = Refused(file.Path, () =>
        {
            using var storage = new SqliteStudyStorage(file.Path);
            _ = new Study("s", Space, Options(storage)).Trials;
        });

        Assert.StartsWith("is not a readable study: ", e.Problem, StringComparison.Ordinal);
        Assert.EndsWith("; restore it from a backup or use a new study name", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trial_state_edited_by_hand_names_the_trial_the_value_and_the_accepted_states()
    {
        using var file = new TempStudyFile();
        WriteStudy(file.Path);
        Edit(file.Path, "UPDATE trials SET state = 'Bogus' WHERE number = 3");

        using var storage = new SqliteStudyStorage(file.Path);
        var study = new Study("s", Space, Options(storage));
        var e = Refused(file.Path, () => _ = study.Trials);

        Assert.Equal(
            "is not a readable study: trial 3 of study 's' has state 'Bogus' (expected one of Running, Completed, Pruned, Failed, Waiting, Cancelled); restore it from a backup or use a new study name",
            e.Problem);
    }

    [Fact]
    public void A_study_direction_or_seed_edited_by_hand_is_reported_on_open()
    {
        using var file = new TempStudyFile();
        WriteStudy(file.Path);
        Edit(file.Path, "UPDATE studies SET direction = 'Sideways'");
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            Assert.Contains("study 's' has direction 'Sideways'", Refused(file.Path, () => _ = new Study("s", Space, Options(storage))).Problem, StringComparison.Ordinal);
        }

        Edit(file.Path, "UPDATE studies SET direction = 'Minimize', seed = 'one'");
        using (var storage = new SqliteStudyStorage(file.Path))
        {
            Assert.Contains("study 's' has seed 'one'", Refused(file.Path, () => _ = new Study("s", Space, Options(storage))).Problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{nope}", "trial 2 of study 's' has parameters that are not valid JSON ('n' is an invalid start of a property name")]
    [InlineData("{\"a\": 2, \"b\": 1}", "trial 2 of study 's' has parameters the search space cannot read (")]
    public void Trial_parameters_edited_by_hand_name_the_trial_and_what_is_wrong(string json, string problem)
    {
        using var file = new TempStudyFile();
        WriteStudy(file.Path);
        Edit(file.Path, $"UPDATE trials SET parameters = '{json}' WHERE number = 2");

        using var storage = new SqliteStudyStorage(file.Path);
        var study = new Study("s", Space, Options(storage));
        var e = Refused(file.Path, () => _ = study.Trials);

        Assert.StartsWith("is not a readable study: " + problem, e.Problem, StringComparison.Ordinal);
        Assert.EndsWith("restore it from a backup or use a new study name", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_edited_into_something_that_is_not_json_are_reported_on_open()
    {
        using var file = new TempStudyFile();
        WriteStudy(file.Path);
        Edit(file.Path, "UPDATE studies SET settings = 'strategy=grid'");

        using var storage = new SqliteStudyStorage(file.Path);
        var e = Refused(file.Path, () => _ = new Study("s", Space, Options(storage)));

        Assert.StartsWith("is not a readable study: study 's' has settings that are not a JSON object of strings (", e.Problem, StringComparison.Ordinal);
    }
}
