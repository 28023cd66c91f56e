using Microsoft.Data.Sqlite;

namespace Interactive.DlExt.Search;

/// <summary>The few ADO.NET helpers the study file code uses: parameterised commands and write transactions.</summary>
internal static class SqliteCommands
{
    public static T InTransaction<T>(SqliteConnection c, Func<SqliteConnection, T> work)
    {
        // deferred: false → BEGIN IMMEDIATE: the write lock is taken before anything is read.
        using var transaction = c.BeginTransaction(deferred: false);
        var result = work(c);
        transaction.Commit();
        return result;
    }

    public static int Execute(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(c, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(c, sql, parameters);
        return command.ExecuteScalar();
    }

    public static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
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
