using Microsoft.Data.Sqlite;

namespace Interactive.DlExt.Tests.Search;

/// <summary>A study file in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempStudyFile : IDisposable
{
    public TempStudyFile()
    {
        Folder = Directory.CreateTempSubdirectory("dlext-study-").FullName;
        Path = System.IO.Path.Combine(Folder, "study.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a worker process may still hold the file for a moment; the temp folder is cleaned by the OS
        }
    }
}
