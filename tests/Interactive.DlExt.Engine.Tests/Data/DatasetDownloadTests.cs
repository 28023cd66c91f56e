using System.Security.Cryptography;

namespace Interactive.DlExt.Tests.Data;

public sealed class DatasetDownloadTests
{
    private static readonly Dictionary<string, byte[]> Files = MakeFiles();

    private static Dictionary<string, byte[]> MakeFiles()
    {
        var (trainImages, trainLabels) = IdxTestFiles.Mnist(6);
        var (testImages, testLabels) = IdxTestFiles.Mnist(3);
        return new()
        {
            ["train-images-idx3-ubyte.gz"] = IdxTestFiles.Gzip(trainImages),
            ["train-labels-idx1-ubyte.gz"] = IdxTestFiles.Gzip(trainLabels),
            ["t10k-images-idx3-ubyte.gz"] = IdxTestFiles.Gzip(testImages),
            ["t10k-labels-idx1-ubyte.gz"] = IdxTestFiles.Gzip(testLabels),
        };
    }

    /// <summary>A data set like MNIST whose published hashes are those of the generated files.</summary>
    private static IdxDatasetSpec Toy(Uri mirror) => IdxDatasetSpec.Mnist with
    {
        Name = "toy",
        EnvironmentVariable = "DLEXT_TOY_DIR",
        Mirrors = [mirror],
        Sha256 = Files.ToDictionary(f => f.Key, f => Convert.ToHexString(SHA256.HashData(f.Value))),
    };

    private static DatasetDownloadOptions Options(string cache, HttpClient client) => new()
    {
        CacheFolder = cache,
        HttpClient = client,
        SearchSystemFolders = false,
        Environment = _ => null,
    };

    [Fact]
    public void A_cached_file_damaged_after_its_download_is_downloaded_again()
    {
        using var server = new LocalFileServer(Files);
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var spec = Toy(server.BaseUrl);
        var first = Datasets.LoadIdx(spec, null, train: true, Options(cache.Path, client), "Toy");
        var cachedImages = Path.Combine(cache.Path, "toy", "train-images-idx3-ubyte.gz");
        File.WriteAllBytes(cachedImages, IdxTestFiles.Gzip(IdxTestFiles.Mnist(6).Images.Select(b => (byte)(b ^ 1)).ToArray()));

        var second = Datasets.LoadIdx(spec, null, train: true, Options(cache.Path, client), "Toy");

        Assert.Equal(3, server.Requests); // the two first downloads and the damaged file again
        Assert.Equal(first.Features.Data, second.Features.Data);
        Assert.Equal(Files["train-images-idx3-ubyte.gz"], File.ReadAllBytes(cachedImages));
    }

    [Fact]
    public void A_damaged_cached_file_without_downloads_is_named_with_both_hashes()
    {
        using var server = new LocalFileServer(Files);
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var spec = Toy(server.BaseUrl);
        Datasets.LoadIdx(spec, null, train: true, Options(cache.Path, client), "Toy");
        var cachedLabels = Path.Combine(cache.Path, "toy", "train-labels-idx1-ubyte.gz");
        File.WriteAllBytes(cachedLabels, [1, 2, 3]);

        var e = Assert.Throws<DlExtFileException>(() => Datasets.LoadIdx(spec, null, train: true, Options(cache.Path, client) with { AllowDownload = false }, "Toy"));

        Assert.Equal(cachedLabels, e.FilePath);
        Assert.Contains("has SHA-256 " + Convert.ToHexString(SHA256.HashData(new byte[] { 1, 2, 3 })).ToLowerInvariant(), e.Problem, StringComparison.Ordinal);
        Assert.Contains("published one is " + spec.Sha256["train-labels-idx1-ubyte.gz"].ToLowerInvariant(), e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_url_without_a_trailing_slash_keeps_its_last_segment()
    {
        using var server = new LocalFileServer(Files);
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var options = Options(cache.Path, client) with { BaseUrl = new Uri(server.BaseUrl.AbsoluteUri.TrimEnd('/')) };

        var data = Datasets.LoadIdx(Toy(new Uri("http://127.0.0.1:9/unused/")), null, train: true, options, "Toy");

        Assert.Equal(6, data.Count);
        Assert.Equal(new Uri("https://host/mirror/f.gz"), IdxDatasetLocator.Under(new Uri("https://host/mirror"), "f.gz"));
        Assert.Equal(new Uri("https://host/mirror/f.gz"), IdxDatasetLocator.Under(new Uri("https://host/mirror/"), "f.gz"));
    }

    [Fact]
    public void A_verified_download_is_cached_and_not_downloaded_again()
    {
        using var server = new LocalFileServer(Files);
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var spec = Toy(server.BaseUrl);

        var first = Datasets.LoadIdx(spec, null, train: true, Options(cache.Path, client), "Toy");
        Assert.Equal(6, first.Count);
        Assert.Equal(2, server.Requests);
        Assert.Equal(Files["train-images-idx3-ubyte.gz"], File.ReadAllBytes(Path.Combine(cache.Path, "toy", "train-images-idx3-ubyte.gz")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(cache.Path, "toy")).Length);

        var second = Datasets.LoadIdx(spec, null, train: true, Options(cache.Path, client), "Toy");
        Assert.Equal(first.Features.Data, second.Features.Data);
        Assert.Equal(2, server.Requests);

        Datasets.LoadIdx(spec, null, train: false, Options(cache.Path, client), "Toy");
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public void A_download_whose_hash_differs_from_the_published_one_is_an_error_and_leaves_no_file()
    {
        // The local server plays the Fashion-MNIST host but serves generated files, so the real published
        // SHA-256 of train-images-idx3-ubyte.gz cannot match.
        using var server = new LocalFileServer(Files);
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var options = Options(cache.Path, client) with { BaseUrl = server.BaseUrl };

        var e = Assert.Throws<DatasetUnavailableException>(() => Datasets.FashionMnist(download: options));
        Assert.Contains($"could not download fashion-mnist file train-images-idx3-ubyte.gz from {server.BaseUrl}train-images-idx3-ubyte.gz", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc", e.Message, StringComparison.Ordinal);
        Assert.Contains("discarded", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cache.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Offline_the_error_names_the_file_the_address_and_the_ways_to_provide_it()
    {
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var offline = new Uri($"http://127.0.0.1:{LocalFileServer.FreePort()}/");
        var options = Options(cache.Path, client) with { BaseUrl = offline };

        var e = Assert.Throws<DatasetUnavailableException>(() => Datasets.FashionMnist(download: options));
        Assert.StartsWith($"Could not download fashion-mnist file train-images-idx3-ubyte.gz from {offline}train-images-idx3-ubyte.gz: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Put the files (", e.Message, StringComparison.Ordinal);
        Assert.Contains("Datasets.FashionMnist(folder: \"...\")", e.Message, StringComparison.Ordinal);
        Assert.Contains("set DLEXT_FASHION_MNIST_DIR", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(cache.Path, "fashion-mnist"), e.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Empty(Directory.GetFiles(cache.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_missing_file_on_the_server_reports_the_http_status()
    {
        using var server = new LocalFileServer([]);
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var e = Assert.Throws<DatasetUnavailableException>(() =>
            Datasets.Mnist(download: Options(cache.Path, client) with { BaseUrl = server.BaseUrl }));
        Assert.Contains("the server answered 404 NotFound", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_mirrors_are_tried_when_the_first_fails()
    {
        using var server = new LocalFileServer(Files);
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var spec = Toy(server.BaseUrl) with { Mirrors = [new Uri($"http://127.0.0.1:{LocalFileServer.FreePort()}/"), server.BaseUrl] };
        Assert.Equal(3, Datasets.LoadIdx(spec, null, train: false, Options(cache.Path, client), "Toy").Count);
    }

    [Fact]
    public void With_downloads_turned_off_a_missing_data_set_says_where_to_put_it()
    {
        using var cache = new TempFolder();
        using var client = LocalFileServer.DirectClient();
        var e = Assert.Throws<DatasetUnavailableException>(() =>
            Datasets.Mnist(download: Options(cache.Path, client) with { AllowDownload = false }));
        Assert.Contains("mnist was not found and downloads are turned off", e.Message, StringComparison.Ordinal);
        Assert.Contains("DLEXT_MNIST_DIR", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_root_comes_from_DLEXT_CACHE_DIR_when_not_given()
    {
        var options = new DatasetDownloadOptions { Environment = n => n == "DLEXT_CACHE_DIR" ? "/tmp/dlext-cache" : null };
        Assert.Equal(Path.Combine("/tmp/dlext-cache", "mnist"), IdxDatasetLocator.CacheFolder(IdxDatasetSpec.Mnist, options));
        var xdg = new DatasetDownloadOptions { Environment = n => n == "XDG_CACHE_HOME" ? "/tmp/xdg" : null };
        Assert.Equal(Path.Combine("/tmp/xdg", "interactive-dlext", "mnist"), IdxDatasetLocator.CacheFolder(IdxDatasetSpec.Mnist, xdg));
    }
}
