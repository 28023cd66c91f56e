namespace Interactive.DlExt;

/// <summary>
/// Where an MNIST-style data set lives: its four file names, the published SHA-256 of each download, the
/// canonical download addresses (tried in order), the environment variable and system folder to search.
/// </summary>
internal sealed record IdxDatasetSpec(
    string Name,
    string EnvironmentVariable,
    string? SystemFolder,
    IReadOnlyList<Uri> Mirrors,
    IReadOnlyDictionary<string, string> Sha256,
    IReadOnlyList<string> ClassNames)
{
    public const string TrainImages = "train-images-idx3-ubyte.gz";
    public const string TrainLabels = "train-labels-idx1-ubyte.gz";
    public const string TestImages = "t10k-images-idx3-ubyte.gz";
    public const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    /// <summary>Fashion-MNIST (Zalando, MIT licence). Addresses from the data set's README
    /// (github.com/zalandoresearch/fashion-mnist); SHA-256 of the gzip files as published alongside
    /// Keras-era loaders (the README itself lists MD5 only). Debian's package recompresses the files, so its
    /// copies have other hashes: files found on disk are read as they are, only downloads are checked.</summary>
    public static IdxDatasetSpec FashionMnist { get; } = new(
        "fashion-mnist",
        "DLEXT_FASHION_MNIST_DIR",
        "/usr/share/datasets/fashion-mnist",
        [new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")],
        new Dictionary<string, string>
        {
            [TrainImages] = "08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc",
            [TrainLabels] = "b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc",
            [TestImages] = "78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229",
            [TestLabels] = "42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf",
        },
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

    /// <summary>MNIST (LeCun, Cortes, Burges). yann.lecun.com no longer serves the files reliably; these are
    /// the mirrors TensorFlow Datasets (CVDF) and torchvision (ossci) use, holding the original bytes.</summary>
    public static IdxDatasetSpec Mnist { get; } = new(
        "mnist",
        "DLEXT_MNIST_DIR",
        null,
        [new Uri("https://storage.googleapis.com/cvdf-datasets/mnist/"), new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/")],
        new Dictionary<string, string>
        {
            [TrainImages] = "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            [TrainLabels] = "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            [TestImages] = "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            [TestLabels] = "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
        },
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

    /// <summary>The images and labels file names of the training or test part.</summary>
    public static (string Images, string Labels) Files(bool train) =>
        train ? (TrainImages, TrainLabels) : (TestImages, TestLabels);
}
