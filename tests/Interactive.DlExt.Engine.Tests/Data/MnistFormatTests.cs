namespace Interactive.DlExt.Tests.Data;

public sealed class MnistFormatTests
{
    [Fact]
    public void Images_and_labels_load_as_scaled_n_1_h_w_with_ten_classes()
    {
        using var temp = new TempFolder();
        var (images, labels) = IdxTestFiles.Mnist(12, rows: 5, cols: 4);
        File.WriteAllBytes(temp.File("i.gz"), IdxTestFiles.Gzip(images));
        File.WriteAllBytes(temp.File("l"), labels);
        var data = MnistFormat.Load(temp.File("i.gz"), temp.File("l"), name: "tiny");
        Assert.Equal([12, 1, 5, 4], data.Features.Shape);
        Assert.Equal(10, data.ClassCount);
        Assert.Equal(1f, data.Targets.Data[11]);
        Assert.Equal((3 + 2 + 1) / 255f, data.Features[3, 0, 2, 1]);
        Assert.Equal("tiny", data.Name);
    }

    [Fact]
    public void Image_and_label_counts_that_differ_name_both_files()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("i"), IdxTestFiles.Mnist(3).Images);
        File.WriteAllBytes(temp.File("l"), IdxTestFiles.Mnist(4).Labels);
        var e = Assert.Throws<DlExtFileException>(() => MnistFormat.Load(temp.File("i"), temp.File("l")));
        Assert.Contains("4 labels", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 images", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swapped_files_are_reported_by_shape()
    {
        using var temp = new TempFolder();
        var (images, labels) = IdxTestFiles.Mnist(3);
        File.WriteAllBytes(temp.File("i"), images);
        File.WriteAllBytes(temp.File("l"), labels);
        var e = Assert.Throws<DlExtFileException>(() => MnistFormat.Load(temp.File("l"), temp.File("i")));
        Assert.Contains("MNIST images are unsigned bytes [count, rows, columns]", e.Message, StringComparison.Ordinal);
        Assert.Contains("are the images and labels files swapped?", e.Message, StringComparison.Ordinal);
        Assert.Equal(temp.File("l"), e.FilePath);
    }

    [Fact]
    public void A_label_outside_the_classes_names_the_file_and_the_sample()
    {
        using var temp = new TempFolder();
        var (images, labels) = IdxTestFiles.Mnist(3);
        labels[^1] = 200;
        File.WriteAllBytes(temp.File("i"), images);
        File.WriteAllBytes(temp.File("l"), labels);

        var e = Assert.Throws<DlExtFileException>(() => MnistFormat.Load(temp.File("i"), temp.File("l")));

        Assert.Equal("has label 200 at sample 2, outside the 10 classes 0..9; delete it and download or copy it again", e.Problem);
    }
}
