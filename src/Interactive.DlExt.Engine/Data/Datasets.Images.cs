namespace Interactive.DlExt;

/// <summary>MNIST and Fashion-MNIST.</summary>
public static partial class Datasets
{
    /// <summary>The Fashion-MNIST class names, index = label.</summary>
    public static IReadOnlyList<string> FashionMnistClassNames => IdxDatasetSpec.FashionMnist.ClassNames;

    /// <summary>
    /// Fashion-MNIST (Zalando, MIT licence): 28×28 grey images of 10 kinds of clothing, 60,000 for training
    /// and 10,000 for testing, as [count, 1, 28, 28] in [0, 1]. Files are looked for in <paramref name="folder"/>,
    /// else in $DLEXT_FASHION_MNIST_DIR, else in /usr/share/datasets/fashion-mnist (Debian's
    /// dataset-fashion-mnist package), else in the cache, else downloaded into the cache from the data set's
    /// canonical address with the published SHA-256 checked.
    /// </summary>
    /// <param name="folder">A folder holding train-images-idx3-ubyte.gz etc. (raw or .gz); null to search.</param>
    /// <param name="train">The 60,000 training images (true) or the 10,000 test images (false).</param>
    /// <param name="download">Where to cache and how to download; null for the defaults.</param>
    /// <exception cref="DatasetUnavailableException">The files are nowhere and could not be downloaded.</exception>
    public static Dataset FashionMnist(string? folder = null, bool train = true, DatasetDownloadOptions? download = null) =>
        LoadIdx(IdxDatasetSpec.FashionMnist, folder, train, download, nameof(FashionMnist));

    /// <summary>
    /// MNIST handwritten digits: 28×28 grey images, 60,000 for training and 10,000 for testing, as
    /// [count, 1, 28, 28] in [0, 1]. Files are looked for in <paramref name="folder"/>, else in
    /// $DLEXT_MNIST_DIR, else in the cache, else downloaded into the cache (CVDF mirror, then torchvision's)
    /// with the published SHA-256 checked.
    /// </summary>
    /// <param name="folder">A folder holding train-images-idx3-ubyte.gz etc. (raw or .gz); null to search.</param>
    /// <param name="train">The 60,000 training images (true) or the 10,000 test images (false).</param>
    /// <param name="download">Where to cache and how to download; null for the defaults.</param>
    /// <exception cref="DatasetUnavailableException">The files are nowhere and could not be downloaded.</exception>
    public static Dataset Mnist(string? folder = null, bool train = true, DatasetDownloadOptions? download = null) =>
        LoadIdx(IdxDatasetSpec.Mnist, folder, train, download, nameof(Mnist));

    internal static Dataset LoadIdx(IdxDatasetSpec spec, string? folder, bool train, DatasetDownloadOptions? download, string method)
    {
        var (images, labels) = IdxDatasetLocator.Locate(spec, train, folder, download ?? new DatasetDownloadOptions(), method);
        var data = MnistFormat.Load(images, labels, spec.ClassNames, $"{spec.Name} ({(train ? "train" : "test")})");
        return train ? data : data.AsTestSet();
    }
}
