namespace Interactive.DlExt.Notebook;

/// <summary>#!descent: the optimizer lab, every run of the line drawn over one surface.</summary>
internal static class DescentMagic
{
    public static async Task RunAsync(INotebookHost host, MagicArguments arguments)
    {
        var domain = arguments.Text("--domain") is { } d ? SurfaceDomain.Parse(d, "--domain") : null;
        var surfaceText = arguments.Text("--surface", Surfaces.Default)!;
        var surface = Surfaces.Parse(surfaceText, domain, "--surface");
        if (domain is not null && surface is not ExpressionSurface)
        {
            throw new DlExtArgumentException("--domain", $"--domain is for a formula; the built-in surface {surface.Name} is drawn on its own rectangle ({surface.Domain}).");
        }

        var settings = DescentSetting.Grid(
            arguments.Items(Hyperparameters.Optimizer.Option, [DescentOptions.DefaultOptimizer]),
            arguments.Numbers(Hyperparameters.LearningRate.Option, [DescentOptions.DefaultLearningRate]),
            arguments.Numbers(Hyperparameters.Momentum.Option, []));
        var options = new DescentOptions
        {
            Steps = arguments.WholeNumber("--steps", DescentOptions.DefaultSteps),
            Tolerance = arguments.Number("--tolerance", DescentOptions.DefaultTolerance),
            Start = arguments.Text("--start") is { } start ? DescentOptions.ParseStart(start, "--start") : null,
        };
        var result = DescentLab.Run(surface, settings, options);
        host.Display(result);
        if (arguments.Text("--out") is { } outName)
        {
            await host.SetVariableAsync(outName, result, typeof(DescentResult)).ConfigureAwait(false);
        }
    }
}
