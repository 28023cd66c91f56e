using Interactive.DlExt.Notebook;
using Interactive.DlExt.Tests.Support;

namespace Interactive.DlExt.Tests.Notebook;

public sealed class DescentMagicTests
{
    [Fact]
    public async Task Descent_runs_every_beta_of_the_line_on_one_surface_and_stores_the_result()
    {
        var host = new RecordingHost();

        await MagicInvoker.InvokeAsync(host, "#!descent elongated --optimizer momentum --lr 0.1 --momentum 0,0.6,0.8,0.9 --steps 60 --out lab", "#!descent");

        var result = Assert.IsType<DescentResult>(host.Outputs[0].Last);
        Assert.Same(result, host.Variables["lab"]);
        Assert.Equal("bowl (condition 10)", result.Surface.Name);
        Assert.Equal(60, result.PlannedSteps);
        Assert.Equal(["β = 0", "β = 0.6", "β = 0.8", "β = 0.9"], result.Runs.Select(r => r.Label));
    }

    [Fact]
    public async Task Descent_without_options_runs_the_labs_defaults_on_the_round_bowl()
    {
        var host = new RecordingHost();

        await MagicInvoker.InvokeAsync(host, "#!descent", "#!descent");

        var run = Assert.Single(Assert.IsType<DescentResult>(host.Outputs[0].Last).Runs);
        Assert.Equal(new DescentSetting(DescentOptions.DefaultOptimizer, DescentOptions.DefaultLearningRate), run.Setting);
        Assert.Equal(DescentOptions.DefaultSteps, run.Steps);
        Assert.Equal(Surfaces.Bowl().Start, (run.X[0], run.Y[0]));
    }

    [Fact]
    public async Task Descent_draws_a_quoted_formula_on_the_given_domain_from_the_given_start()
    {
        var host = new RecordingHost();

        await MagicInvoker.InvokeAsync(host, "#!descent \"x^2 + 10*y^2\" --domain -2,2,-1,1 --start 1.5,0.5 --optimizer sgd,adam --lr 0.05 --steps 30", "#!descent");

        var result = Assert.IsType<DescentResult>(host.Outputs[0].Last);
        Assert.Equal("x^2 + 10*y^2", result.Surface.Formula);
        Assert.Equal(new SurfaceDomain(-2, 2, -1, 1), result.Surface.Domain);
        Assert.Equal((1.5, 0.5), result.Start);
        Assert.Equal(["sgd", "adam"], result.Runs.Select(r => r.Label));
    }

    [Theory]
    [InlineData("#!descent \"x^^2\"", "--surface", "at position 3 ('^')")]
    [InlineData("#!descent bowel", "--surface", "did you mean bowl?")]
    [InlineData("#!descent --lr 0.1,abc", "--lr", "(\"abc\" is not accepted)")]
    [InlineData("#!descent --lr 0.1,-2", "--lr", "a comma list of numbers > 0")]
    [InlineData("#!descent --optimizer sgd,adamm", "--optimizer", "did you mean adam?")]
    [InlineData("#!descent --momentum 0.6,1", "--momentum", "a comma list of numbers ≥ 0 and < 1")]
    [InlineData("#!descent rosenbrock --domain -1,1,-1,1", "--domain", "is for a formula")]
    [InlineData("#!descent --start 1", "--start", "a point written x,y")]
    [InlineData("#!descent --steps 0", "--steps", "an integer ≥ 1")]
    [InlineData("#!descent --optimizer adam --momentum 0.9", "momentum", "momentum or nesterov")]
    public async Task Bad_descent_input_names_the_option_and_what_it_accepts(string line, string option, string expected)
    {
        var e = await Assert.ThrowsAsync<DlExtArgumentException>(() => MagicInvoker.InvokeAsync(new RecordingHost(), line, "#!descent"));

        Assert.Equal(option, e.ParamName);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
