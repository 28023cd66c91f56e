using XPlot.Plotly;

namespace Interactive.DlExt;

/// <summary>
/// Converts training results into XPlot.Plotly charts, for notebooks that already use XPlot. The library's
/// own SVG views (in Interactive.DlExt) remain the default: they render offline and on GitHub, while a
/// Plotly chart loads plotly.js from a CDN (XPlot pins plotly.js 1.58, and its string titles are not shown
/// by plotly.js 3 or later).
/// </summary>
public static class PlotlyCharts
{
    /// <summary>The training loss per epoch and, when the run had validation data, the validation loss per epoch.</summary>
    /// <param name="history">A finished or running training history.</param>
    /// <returns>A chart with the traces "train loss" and, with validation data, "validation loss"; x is the 1-based epoch.</returns>
    public static PlotlyChart LossCurves(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var epochs = history.Epochs.Select(e => e.Epoch + 1).ToArray();
        var traces = new List<Scatter>
        {
            new() { name = "train loss", x = epochs, y = history.Epochs.Select(e => e.TrainLoss).ToArray(), mode = "lines+markers" },
        };
        if (history.Settings.HasValidation)
        {
            traces.Add(new Scatter
            {
                name = "validation loss",
                x = epochs,
                y = history.Epochs.Select(e => (object?)e.ValidationLoss).ToArray(), // null, not NaN: a gap in Plotly, valid JSON
                mode = "lines+markers",
                line = new Line { dash = "dash" },
            });
        }

        var chart = Chart.Plot(traces);
        chart.WithId(Id("dlext-loss", history));
        chart.WithTitle("Loss");
        chart.WithXTitle("epoch");
        chart.WithYTitle("loss");
        return chart;
    }

    /// <summary>The learning rate of every step, over fractional epochs (epoch k's last step at x = k).</summary>
    /// <param name="history">A finished or running training history.</param>
    /// <returns>A chart with one trace "learning rate"; its y axis is logarithmic when the rate spans more than 10×.</returns>
    public static PlotlyChart LearningRate(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var steps = history.Steps;
        var perEpoch = Math.Max(1, history.Settings.StepsPerEpoch);
        var x = new double[steps.Count];
        var batch = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            batch = i > 0 && steps[i].Epoch == steps[i - 1].Epoch ? batch + 1 : 0;
            x[i] = steps[i].Epoch + ((batch + 1.0) / perEpoch);
        }

        var rates = steps.Select(s => s.LearningRate).ToArray();
        var chart = Chart.Plot(new Scatter { name = "learning rate", x = x, y = rates, mode = "lines" });
        chart.WithId(Id("dlext-rate", history));
        var log = rates.Length > 0 && rates.Min() > 0 && rates.Max() / rates.Min() > 10;
        chart.WithLayout(new Layout.Layout
        {
            title = "Learning rate",
            xaxis = new Xaxis { title = "epoch" },
            yaxis = new Yaxis { title = "learning rate", type = log ? "log" : "linear" },
        });
        return chart;
    }

    /// <summary>An element id from the content (FNV-1a over the recorded losses), so equal runs give equal HTML.</summary>
    private static string Id(string prefix, TrainingHistory history)
    {
        var hash = 14695981039346656037UL;
        foreach (var step in history.Steps)
        {
            hash = (hash ^ (ulong)BitConverter.DoubleToInt64Bits(step.Loss)) * 1099511628211UL;
        }

        return prefix + "-" + hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
