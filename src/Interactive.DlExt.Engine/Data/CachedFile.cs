using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Interactive.DlExt;

/// <summary>Checks a cached download against its published SHA-256, hashing each version of a file (path, size,
/// time of last write) once per process.</summary>
internal static class CachedFile
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Hashes = new();

    public static bool Matches(string path, string expectedSha256) =>
        string.Equals(Sha256(path), expectedSha256, StringComparison.OrdinalIgnoreCase);

    public static string Sha256(string path)
    {
        var info = new FileInfo(path);
        return Hashes.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), _ =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        });
    }
}
