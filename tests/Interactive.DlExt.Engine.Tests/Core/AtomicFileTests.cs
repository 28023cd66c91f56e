using System.Diagnostics;

namespace Interactive.DlExt.Tests.Core;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dlext-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "w.bin");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, s => s.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_write_that_fails_halfway_keeps_the_old_file_and_removes_its_temporary_file()
    {
        var path = Path.Combine(_folder, "w.bin");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("half"u8);
            throw new InvalidOperationException("renderer failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void The_next_write_clears_temporary_files_that_dead_writers_left_of_the_same_target_only()
    {
        var path = Path.Combine(_folder, "weights.safetensors");
        var deadPid = DeadProcessId();
        var stale = Path.Combine(_folder, $".weights.safetensors.{deadPid}.0badc0de.tmp");
        var live = Path.Combine(_folder, $".weights.safetensors.{Environment.ProcessId}.00c0ffee.tmp");
        var otherTarget = Path.Combine(_folder, $".other.bin.{deadPid}.0badc0de.tmp");
        foreach (var f in new[] { stale, live, otherTarget })
        {
            File.WriteAllText(f, "left over");
        }

        AtomicFile.Write(path, s => s.Write("w"u8));

        Assert.False(File.Exists(stale), "a dead writer's temporary file of this target is removed");
        Assert.True(File.Exists(live), "a running writer's temporary file is kept");
        Assert.True(File.Exists(otherTarget), "another target's temporary files are not this write's business");
    }

    [Fact]
    public void A_legal_250_character_name_can_be_written()
    {
        var path = Path.Combine(_folder, new string('r', 245) + ".html");

        AtomicFile.Write(path, s => s.Write("ok"u8));

        Assert.Equal("ok", File.ReadAllText(path));
    }

    [Fact]
    public void A_folder_that_does_not_exist_gives_an_io_error_naming_the_file_and_the_reason()
    {
        var path = Path.Combine(_folder, "no", "such", "r.html");

        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, s => s.Write("x"u8)));

        Assert.Equal($"'{path}' cannot be written: its folder does not exist", e.Message);
    }

    [Fact]
    public void A_folder_nobody_may_write_gives_an_io_error_naming_the_file_not_an_access_exception()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc refuses new files to everyone, root included
        }

        var e = Record.Exception(() => AtomicFile.Write("/proc/dlext-report.html", s => s.Write("x"u8)));

        Assert.Equal(typeof(IOException), e?.GetType());
        Assert.StartsWith("'/proc/dlext-report.html' cannot be written: ", e!.Message, StringComparison.Ordinal);
    }

    private static int DeadProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }
}
