using System.Security.Cryptography;

namespace Interactive.DlExt;

/// <summary>
/// Downloads one file, checks its SHA-256 and only then moves it into place, so the destination either
/// does not exist or holds the complete, verified file (a crash or a bad download leaves no half file
/// that a later run would trust).
/// </summary>
internal static class FileDownloader
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(10) });

    public static HttpClient DefaultClient => SharedClient.Value;

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/> if its SHA-256 is <paramref name="expectedSha256"/>.</summary>
    /// <exception cref="HttpRequestException">The server could not be reached or answered with an error.</exception>
    /// <exception cref="InvalidDataException">The content has another SHA-256 (nothing is written).</exception>
    public static void Download(HttpClient client, Uri url, string destination, string expectedSha256)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);

        // The download must fail (wrong SHA-256, network error) before the rename, so nothing half-verified lands.
        AtomicFile.Write(destination, file =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            using var body = response.Content.ReadAsStream();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = body.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                file.Write(buffer, 0, read);
            }

            var actual = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
            if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException(
                    $"the downloaded file's SHA-256 is {actual} but the published one is {expectedSha256.ToLowerInvariant()} (the download was discarded)");
            }
        });
    }
}
