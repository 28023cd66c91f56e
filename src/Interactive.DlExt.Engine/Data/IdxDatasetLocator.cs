namespace Interactive.DlExt;

/// <summary>
/// Finds the two files of one part of an MNIST-style data set, in this order: the folder the caller gave,
/// the folder in the data set's environment variable, a system folder (Debian's dataset packages), the
/// cache, and finally a download into the cache. A folder the user named explicitly (argument or
/// environment variable) must hold the files: silently falling through to a download would hide a typo.
/// </summary>
internal static class IdxDatasetLocator
{
    public static (string Images, string Labels) Locate(IdxDatasetSpec spec, bool train, string? folder, DatasetDownloadOptions options, string method)
    {
        var (images, labels) = IdxDatasetSpec.Files(train);
        if (folder is not null)
        {
            return InFolder(folder, images, labels) ?? throw new DlExtArgumentException("folder", folder,
                $"a folder holding {images} and {labels} (raw or .gz) of {spec.Name}");
        }

        var fromEnvironment = options.Environment(spec.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return InFolder(fromEnvironment, images, labels) ?? throw new DlExtArgumentException(spec.EnvironmentVariable, fromEnvironment,
                $"a folder holding {images} and {labels} (raw or .gz) of {spec.Name}");
        }

        if (options.SearchSystemFolders && spec.SystemFolder is { } system && InFolder(system, images, labels) is { } installed)
        {
            return installed;
        }

        // Cached downloads are checked against their published SHA-256 each time (memoised per file version):
        // a file damaged on disk after its download must not be trusted. The user's own folders are not checked.
        var cache = CacheFolder(spec, options);
        var damaged = new[] { images, labels }.Select(f => Path.Combine(cache, f)).Where(f => File.Exists(f) && !CachedFile.Matches(f, spec.Sha256[Path.GetFileName(f)])).ToList();
        if (damaged.Count == 0 && InFolder(cache, images, labels) is { } cached)
        {
            return cached;
        }

        var help = $"Put the files ({string.Join(", ", spec.Sha256.Keys)}) in a folder and pass it " +
            $"(Datasets.{method}(folder: \"...\")), or set {spec.EnvironmentVariable} to that folder, or copy them into '{cache}'.";
        if (!options.AllowDownload && damaged.Count > 0)
        {
            var file = damaged[0];
            throw new DlExtFileException(file, $"has SHA-256 {CachedFile.Sha256(file)} but the published one is {spec.Sha256[Path.GetFileName(file)].ToLowerInvariant()}: "
                + "it was damaged after its download; delete it (downloads are turned off, so it cannot be fetched again here)");
        }

        if (!options.AllowDownload)
        {
            throw new DatasetUnavailableException($"{spec.Name} was not found and downloads are turned off. {help}");
        }

        var client = options.HttpClient ?? FileDownloader.DefaultClient;
        var mirrors = options.BaseUrl is { } baseUrl ? [baseUrl] : spec.Mirrors;
        foreach (var file in new[] { images, labels })
        {
            var destination = Path.Combine(cache, file);
            if (!File.Exists(destination) || damaged.Contains(destination))
            {
                Download(spec, client, mirrors, file, destination, help);
            }
        }

        return (Path.Combine(cache, images), Path.Combine(cache, labels));
    }

    /// <summary>The cache folder of a data set: the options' root, $DLEXT_CACHE_DIR, $XDG_CACHE_HOME or ~/.cache, then interactive-dlext/name.</summary>
    public static string CacheFolder(IdxDatasetSpec spec, DatasetDownloadOptions options)
    {
        var root = options.CacheFolder ?? options.Environment("DLEXT_CACHE_DIR");
        if (string.IsNullOrWhiteSpace(root))
        {
            var xdg = options.Environment("XDG_CACHE_HOME");
            var baseFolder = string.IsNullOrWhiteSpace(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            root = Path.Combine(baseFolder, "interactive-dlext");
        }

        return Path.Combine(root, spec.Name);
    }

    private static void Download(IdxDatasetSpec spec, HttpClient client, IReadOnlyList<Uri> mirrors, string file, string destination, string help)
    {
        var failures = new List<string>();
        Exception? last = null;
        foreach (var mirror in mirrors)
        {
            var url = Under(mirror, file);
            try
            {
                FileDownloader.Download(client, url, destination, spec.Sha256[file]);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidDataException or IOException or OperationCanceledException)
            {
                failures.Add($"could not download {spec.Name} file {file} from {url}: {Reason(e)}");
                last = e;
            }
        }

        var message = string.Join("; ", failures);
        throw new DatasetUnavailableException(char.ToUpperInvariant(message[0]) + message[1..] + ". " + help, last!);
    }

    /// <summary>The file's address under a mirror: "https://host/mirror" and "https://host/mirror/" both mean the folder
    /// (plain Uri resolution would drop a last segment without its slash).</summary>
    internal static Uri Under(Uri mirror, string file) =>
        new(mirror.AbsoluteUri.EndsWith('/') ? mirror : new Uri(mirror.AbsoluteUri + "/"), file);

    private static string Reason(Exception e) => e switch
    {
        OperationCanceledException => "the download timed out",
        HttpRequestException { StatusCode: { } status } => $"the server answered {(int)status} {status}",
        _ => e.Message.TrimEnd('.'),
    };

    private static (string Images, string Labels)? InFolder(string folder, string images, string labels)
    {
        var i = Existing(folder, images);
        var l = Existing(folder, labels);
        return i is not null && l is not null ? (i, l) : null;
    }

    /// <summary>The file as named (…-ubyte.gz) or without its .gz extension (already decompressed), if present.</summary>
    private static string? Existing(string folder, string name)
    {
        var gz = Path.Combine(folder, name);
        if (File.Exists(gz))
        {
            return gz;
        }

        var raw = Path.Combine(folder, Path.GetFileNameWithoutExtension(name));
        return File.Exists(raw) ? raw : null;
    }
}
