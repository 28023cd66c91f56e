using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using XPlot.Plotly;

namespace Interactive.DlExt.XPlot.Tests;

public sealed partial class PlotlyChartsTests
{
    private static readonly Lazy<TrainingHistory> History = new(() => Trainer.Fit(
        new Sequential(new Linear(8, Activation.Relu), new Linear(3)),
        Datasets.Spirals(40, 3, seed: 2),
        new TrainingOptions { Epochs = 4, BatchSize = 30, ValidationSplit = 0.25, Threads = 1, Seed = 1, Optimizer = new Sgd(0.1), Schedule = new StepDecay(2, 0.01) }));

    [Fact]
    public void Loss_curves_have_train_and_validation_traces_per_epoch()
    {
        var history = History.Value;

        var (data, layout) = Parse(PlotlyCharts.LossCurves(history));

        Assert.Equal(["train loss", "validation loss"], data.Select(t => (string)t["name"]!));
        Assert.All(data, t => Assert.Equal([1, 2, 3, 4], t["x"]!.Values<int>()));
        Assert.Equal(history.Epochs.Select(e => e.TrainLoss), data[0]["y"]!.Values<double>());
        Assert.Equal(history.Epochs.Select(e => e.ValidationLoss!.Value), data[1]["y"]!.Values<double>());
        Assert.Equal("dash", (string)data[1]["line"]!["dash"]!);
        Assert.Equal("epoch", (string)layout["xaxis"]!["title"]!);
    }

    [Fact]
    public void Without_validation_data_there_is_only_the_train_trace()
    {
        var history = Trainer.Fit(new Sequential(new Linear(3)), Datasets.Spirals(10, 3), new TrainingOptions { Epochs = 2, Threads = 1 });

        var (data, _) = Parse(PlotlyCharts.LossCurves(history));

        Assert.Equal("train loss", (string)Assert.Single(data)["name"]!);
    }

    [Fact]
    public void The_learning_rate_trace_has_every_step_and_a_log_axis_for_a_100x_decay()
    {
        var history = History.Value;

        var (data, layout) = Parse(PlotlyCharts.LearningRate(history));

        var trace = Assert.Single(data);
        Assert.Equal("learning rate", (string)trace["name"]!);
        Assert.Equal(history.Steps.Select(s => s.LearningRate), trace["y"]!.Values<double>());
        var x = trace["x"]!.Values<double>().ToList();
        Assert.Equal(history.Steps.Count, x.Count);
        Assert.Equal(1.0, x[history.Settings.StepsPerEpoch - 1]); // the last step of epoch 1 sits at x = 1
        Assert.Equal(4.0, x[^1]);
        Assert.Equal("log", (string)layout["yaxis"]!["type"]!);
    }

    [Fact]
    public void Equal_runs_give_equal_chart_ids()
    {
        Assert.Equal(PlotlyCharts.LossCurves(History.Value).Id, PlotlyCharts.LossCurves(History.Value).Id);
        Assert.StartsWith("dlext-loss-", PlotlyCharts.LossCurves(History.Value).Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Newtonsoft_json_resolves_to_the_pinned_13_0_4_not_xplots_12_0_3()
    {
        var assembly = typeof(JsonConvert).Assembly;

        Assert.Equal(13, assembly.GetName().Version!.Major);
        Assert.StartsWith("13.0.4", assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, StringComparison.Ordinal);
    }

    private static (JArray Data, JObject Layout) Parse(PlotlyChart chart)
    {
        var js = chart.GetInlineJS();
        var data = DataPattern().Match(js);
        var layout = LayoutPattern().Match(js);
        Assert.True(data.Success && layout.Success, js);
        return (JArray.Parse(data.Groups[1].Value), JObject.Parse(layout.Groups[1].Value));
    }

    [GeneratedRegex(@"var data = (\[.*?\]);\s*var layout", RegexOptions.Singleline)]
    private static partial Regex DataPattern();

    [GeneratedRegex(@"var layout = (\{.*?\});\s*Plotly\.newPlot", RegexOptions.Singleline)]
    private static partial Regex LayoutPattern();
}
