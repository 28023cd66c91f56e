using Interactive.DlExt.RealKernel.Tests.Support;

namespace Interactive.DlExt.RealKernel.Tests;

/// <summary>The committed-output check may ignore wall-clock and machine text, and nothing else.</summary>
public sealed class OutputNormalizerTests
{
    [Theory]
    [InlineData("stopped after 20 epochs in 1.3 s", "stopped after 20 epochs in ⏱")]
    [InlineData("<td>830 ms</td><td>2.5 min</td>", "<td>⏱</td><td>⏱</td>")]
    [InlineData("12,345 samples/s", "⏱ samples/s")]
    [InlineData("Interactive.DlExt, 0.1.0-test.20261203093000.4242", "Interactive.DlExt, 0.1.0")]
    [InlineData("<div class=\"dlext-machine\"><span>environment</span> 0.1.0+abc · SIMD Vector512</div>after", "<div class=\"dlext-machine\">⏱</div>after")]
    [InlineData("<div class=\"sweep-chart dlext-clock\"><svg><g><text>3 s</text></g><svg></svg></svg></div><p>x</p>", "<div class=\"sweep-chart dlext-clock\">⏱</div><p>x</p>")]
    public void Wall_clock_and_machine_text_is_masked(string text, string normalized) =>
        Assert.Equal(normalized, OutputNormalizer.Normalize(text));

    [Theory]
    [InlineData("validation accuracy 97.22 %, loss 0.10523")]
    [InlineData("η = 0.4, β = 0.9, 5 steps, 10 s-curves")]
    [InlineData("<polyline points=\"1.5,2 3.25,4\"/>")]
    public void Every_other_number_is_kept_as_it_is(string text) =>
        Assert.Equal(text, OutputNormalizer.Normalize(text));

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
