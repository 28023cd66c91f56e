namespace Interactive.DlExt.Tests.Data;

public sealed class DatasetsTests
{
    [Fact]
    public void Digits_load_from_the_embedded_resource_as_1797_images_of_8_by_8()
    {
        var digits = Datasets.Digits();
        Assert.Equal([1797, 1, 8, 8], digits.Features.Shape);
        Assert.Equal(10, digits.ClassCount);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], digits.ClassNames);
        Assert.Equal("digits", digits.Name);

        // Row 1 of the CSV starts 0,0,5,13,… and is a 0; values 0..16 are scaled by 1/16.
        Assert.Equal(5f / 16, digits.Features[0, 0, 0, 2]);
        Assert.Equal(13f / 16, digits.Features[0, 0, 0, 3]);
        Assert.Equal(0f, digits.Targets.Data[0]);
        Assert.Equal(1f, digits.Features.Data.Max());
        Assert.Equal(0f, digits.Features.Data.Min());
    }

    [Fact]
    public void Digits_have_the_label_counts_of_the_csv()
    {
        // Counted from digits.csv.gz with: zcat digits.csv.gz | awk -F, '{print $NF}' | sort | uniq -c
        int[] expected = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];
        var digits = Datasets.Digits(flatten: true);
        Assert.Equal([1797, 64], digits.Features.Shape);
        Assert.Equal(expected, Enumerable.Range(0, 10).Select(c => digits.Targets.Data.Count(v => v == c)));
    }

    [Fact]
    public void Fashion_mnist_loads_from_a_folder_passed_explicitly()
    {
        using var temp = new TempFolder();
        IdxTestFiles.WriteMnistFolder(temp.Path, trainCount: 20, testCount: 7);
        var train = Datasets.FashionMnist(temp.Path);
        var test = Datasets.FashionMnist(temp.Path, train: false);
        Assert.Equal([20, 1, 28, 28], train.Features.Shape);
        Assert.Equal(7, test.Count);
        Assert.Equal("fashion-mnist (train)", train.Name);
        Assert.Equal("fashion-mnist (test)", test.Name);
        Assert.Equal("T-shirt/top", train.ClassNames[0]);
        Assert.Equal("Ankle boot", train.ClassNames[9]);
        Assert.Equal(3f, train.Targets.Data[13]);
        Assert.Equal((2 + 5 + 6) / 255f, train.Features[2, 0, 5, 6]);
    }

    [Fact]
    public void Mnist_reads_decompressed_files_too()
    {
        using var temp = new TempFolder();
        var (images, labels) = IdxTestFiles.Mnist(5);
        File.WriteAllBytes(temp.File("t10k-images-idx3-ubyte"), images);
        File.WriteAllBytes(temp.File("t10k-labels-idx1-ubyte"), labels);
        var test = Datasets.Mnist(temp.Path, train: false);
        Assert.Equal(5, test.Count);
        Assert.Equal("mnist (test)", test.Name);
        Assert.Equal("7", test.ClassNames[7]);
    }

    [Fact]
    public void A_folder_passed_without_the_files_is_an_error_not_a_silent_download()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<DlExtArgumentException>(() => Datasets.FashionMnist(temp.Path));
        Assert.Equal($"folder = {temp.Path} is not accepted: expected a folder holding train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz (raw or .gz) of fashion-mnist.", e.Reason);
    }

    [Fact]
    public void The_environment_variable_folder_is_used_when_no_folder_is_passed()
    {
        using var temp = new TempFolder();
        IdxTestFiles.WriteMnistFolder(temp.Path, trainCount: 4, testCount: 3);
        var options = new DatasetDownloadOptions { Environment = n => n == "DLEXT_MNIST_DIR" ? temp.Path : null, AllowDownload = false };
        Assert.Equal(4, Datasets.Mnist(download: options).Count);
    }

    /// <summary>Runs only where Debian's dataset-fashion-mnist package is installed; reported as skipped elsewhere.</summary>
    [FactWhenDebianFashionMnistIsInstalled]
    public void Debian_installed_fashion_mnist_is_found_without_a_folder_and_is_balanced()
    {
        var options = new DatasetDownloadOptions { Environment = _ => null, AllowDownload = false };
        var test = Datasets.FashionMnist(train: false, download: options);
        Assert.Equal([10000, 1, 28, 28], test.Features.Shape);

        // Counts from the Debian files: 1,000 test images per class; the first labels are 9, 2, 1, 1, 6.
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(1000, test.Targets.Data.Count(v => v == c)));
        Assert.Equal([9f, 2f, 1f, 1f, 6f], test.Targets.Data[..5]);
    }

    [Fact]
    public void Spirals_are_seeded_and_labelled_by_arm()
    {
        var a = Datasets.Spirals(50, classes: 3, noise: 0.2, seed: 4);
        var b = Datasets.Spirals(50, classes: 3, noise: 0.2, seed: 4);
        var c = Datasets.Spirals(50, classes: 3, noise: 0.2, seed: 5);
        Assert.Equal([150, 2], a.Features.Shape);
        Assert.Equal(3, a.ClassCount);
        Assert.Equal(a.Features.Data, b.Features.Data);
        Assert.NotEqual(a.Features.Data, c.Features.Data);
        Assert.Equal(2f, a.Targets.Data[149]);

        // Without noise the last point of arm 0 is at radius 1, angle 4: (sin 4, cos 4).
        var clean = Datasets.Spirals(10, noise: 0);
        Assert.Equal((float)Math.Sin(4), clean.Features[9, 0]);
        Assert.Equal((float)Math.Cos(4), clean.Features[9, 1]);
    }

    [Fact]
    public void Moons_without_noise_lie_on_the_two_half_circles()
    {
        var moons = Datasets.Moons(9, noise: 0);
        Assert.Equal(4, moons.Targets.Data.Count(v => v == 0));
        Assert.Equal(5, moons.Targets.Data.Count(v => v == 1));
        for (var n = 0; n < 9; n++)
        {
            var (x, y) = (moons.Features[n, 0], moons.Features[n, 1]);
            var radius = n < 4 ? Math.Sqrt((x * x) + (y * y)) : Math.Sqrt(((1 - x) * (1 - x)) + ((0.5 - y) * (0.5 - y)));
            Assert.Equal(1.0, radius, 5);
        }
    }

    [Fact]
    public void Xor_without_noise_labels_by_opposite_signs()
    {
        var xor = Datasets.Xor(400, noise: 0, seed: 1);
        for (var n = 0; n < xor.Count; n++)
        {
            Assert.Equal(xor.Features[n, 0] * xor.Features[n, 1] < 0 ? 1f : 0f, xor.Targets.Data[n]);
        }

        Assert.InRange(xor.Targets.Data.Count(v => v == 1), 150, 250);
    }

    [Fact]
    public void Linear_regression_targets_follow_the_documented_coefficients()
    {
        var data = Datasets.LinearRegression(50, features: 3, noise: 0, seed: 2);
        var (w, b) = Datasets.LinearRegressionCoefficients(3);
        Assert.Equal([1f, -2f, 3f], w);
        Assert.Equal(0.5f, b);
        Assert.Equal([50, 1], data.Targets.Shape);
        for (var n = 0; n < 50; n++)
        {
            var expected = b + (w[0] * data.Features[n, 0]) + (w[1] * data.Features[n, 1]) + (w[2] * data.Features[n, 2]);
            Assert.Equal(expected, data.Targets.Data[n], 4);
        }
    }

    [Fact]
    public void Synthetic_generators_reject_bad_arguments_by_name()
    {
        Assert.Equal("classes", Assert.Throws<DlExtArgumentException>(() => Datasets.Spirals(10, classes: 1)).ParamName);
        Assert.Equal("noise", Assert.Throws<DlExtArgumentException>(() => Datasets.Moons(10, noise: -1)).ParamName);
    }
}
