using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

public sealed class OutputNormalizerTests
{
    [Fact]
    public void The_test_package_version_loses_its_test_suffix_and_commit()
    {
        const string line = "environment Interactive.DlExt 0.1.0-test.20261203093000.123+4ba8c7709ea6ceb75ea396b8cf5f9175fd8a8ffc · .NET 10.0.12";

        Assert.Equal("environment Interactive.DlExt 0.1.0 · .NET 10.0.12", OutputNormalizer.WithoutTestVersion(line));
    }

    [Fact]
    public void The_informational_version_loses_the_commit_it_was_built_from()
    {
        const string line = "<b>environment</b> Interactive.DlExt 0.1.0+bbad090c7d2dbff8120c8cf17871a42005137bbb &#183; .NET 10.0.12";

        Assert.Equal("<b>environment</b> Interactive.DlExt 0.1.0 &#183; .NET 10.0.12", OutputNormalizer.WithoutTestVersion(line));
    }

    [Fact]
    public void A_version_without_a_commit_keeps_the_rest_of_the_text()
    {
        Assert.Equal("Interactive.DlExt, 0.1.0</span>", OutputNormalizer.WithoutTestVersion("Interactive.DlExt, 0.1.0-test.1.2</span>"));
    }
}
