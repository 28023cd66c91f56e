using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interactive.DlExt;

/// <summary>
/// Writes a file all or nothing: into a temporary file beside it, then renamed over it, so a crash or a kill leaves
/// either the old file or the new one, never half of one. A temporary file names its target and its writer's process
/// id (<c>.NAME.PID.RANDOM.tmp</c>, cut to the 255-byte name limit), so the next write of the same target removes the
/// leftovers of writers that are no longer running.
/// </summary>
public static class AtomicFile
{
    private const int MaxNameBytes = 255;

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="write">Writes the whole content to the stream it is given (it must not dispose it).</param>
    /// <exception cref="IOException">The file cannot be written (no such folder, permission denied, read-only file
    /// system, …); the message names the file and the reason, and the target is left as it was.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new IOException($"'{full}' cannot be written: it is not a file path");
        var stem = Stem(Path.GetFileName(full));
        ClearStale(folder, stem);
        var temporary = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
            $".{stem}.{Environment.ProcessId}.{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}.tmp"));
        try
        {
            using (var file = Guarded(full, () => new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)))
            {
                write(file);
                file.Flush(flushToDisk: true);
            }

            Guarded(full, () =>
            {
                File.Move(temporary, full, overwrite: true);
                return true;
            });
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The temporary files of <paramref name="path"/> that this process or a dead one left in its folder.</summary>
    internal static IEnumerable<string> Temporaries(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, $".{Stem(Path.GetFileName(full))}.*.tmp") : [];
    }

    // The target's name, cut so ".NAME.PID.RANDOM.tmp" stays within 255 bytes (a 250-character name is legal).
    private static string Stem(string name)
    {
        var room = MaxNameBytes - ".".Length - ".4194304.01234567.tmp".Length;
        while (Encoding.UTF8.GetByteCount(name) > room)
        {
            name = name[..^(char.IsLowSurrogate(name[^1]) && name.Length > 1 ? 2 : 1)];
        }

        return name;
    }

    private static void ClearStale(string folder, string stem)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var prefix = $".{stem}.";
        foreach (var file in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
        {
            var parts = Path.GetFileName(file)[prefix.Length..].Split('.');
            if (parts is [var pid, _, "tmp"] && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && !IsRunning(id))
            {
                TryDelete(file);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static T Guarded<T>(string target, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is UnauthorizedAccessException || (e is IOException && e is not DlExtFileException))
        {
            var reason = e switch
            {
                UnauthorizedAccessException => "permission denied (choose a folder you can write to)",
                DirectoryNotFoundException => "its folder does not exist",
                PathTooLongException => "the path is too long",
                _ => e.Message,
            };
            throw new IOException($"'{target}' cannot be written: {reason}", e);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort: a leftover is removed by the next write of the same target
        }
    }
}
