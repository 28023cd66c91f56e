namespace Interactive.DlExt.Tests.Data;

/// <summary>A fact that is reported as skipped (not passed) where /usr/share/datasets/fashion-mnist is absent.</summary>
internal sealed class FactWhenDebianFashionMnistIsInstalledAttribute : FactAttribute
{
    public const string Folder = "/usr/share/datasets/fashion-mnist";

    public FactWhenDebianFashionMnistIsInstalledAttribute()
    {
        if (!File.Exists(Path.Combine(Folder, "t10k-labels-idx1-ubyte.gz")))
        {
            Skip = $"Needs Debian's dataset-fashion-mnist package ({Folder}); install it with apt-get install dataset-fashion-mnist.";
        }
    }
}
