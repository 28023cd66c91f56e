using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

[Collection(SqlitePoolGroup.Name)]
public sealed class SqliteStudyStorageDisposeTests
{
    [Fact]
    public void Disposing_a_storage_closes_its_own_file_and_leaves_another_storages_pooled_connection_open()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // counts open files through /proc
        }

        using var first = new TempStudyFile();
        using var second = new TempStudyFile();
        var a = new SqliteStudyStorage(first.Path);
        var b = new SqliteStudyStorage(second.Path);
        Assert.True(OpenHandles(first.Path) > 0, "the first storage keeps a pooled connection open");
        Assert.True(OpenHandles(second.Path) > 0, "the second storage keeps a pooled connection open");

        a.Dispose();

        Assert.Equal(0, OpenHandles(first.Path));
        Assert.True(OpenHandles(second.Path) > 0, "disposing the first storage must not close the second's connection");
        b.Dispose();
        Assert.Equal(0, OpenHandles(second.Path));
    }

    private static int OpenHandles(string path) =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && target.StartsWith(path, StringComparison.Ordinal));
}
