namespace Interactive.DlExt;

/// <summary>Where <see cref="Datasets.Mnist"/> and <see cref="Datasets.FashionMnist"/> look for files and how they download.</summary>
public sealed record DatasetDownloadOptions
{
    /// <summary>The client used for downloads, or null for a shared one with a 10-minute timeout. <value>The default is null.</value></summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>A base address to download from instead of the canonical ones (a mirror or a local server); the
    /// file names are appended to it, and the published SHA-256 of each file is still checked. <value>The default is null.</value></summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The cache root, or null for $DLEXT_CACHE_DIR, else $XDG_CACHE_HOME/interactive-dlext, else
    /// ~/.cache/interactive-dlext. Each data set gets a sub-folder named after it. <value>The default is null.</value></summary>
    public string? CacheFolder { get; init; }

    /// <summary>Whether system folders such as Debian's /usr/share/datasets/fashion-mnist are searched. <value>The default is true.</value></summary>
    public bool SearchSystemFolders { get; init; } = true;

    /// <summary>Whether a data set missing everywhere is downloaded into the cache. <value>The default is true.</value></summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>Reads an environment variable (replaceable so tests need not change the process environment).</summary>
    internal Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
