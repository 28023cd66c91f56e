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
}
