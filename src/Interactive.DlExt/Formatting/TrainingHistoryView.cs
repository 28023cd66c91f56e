using System.Text;
using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of a <see cref="TrainingHistory"/>, live (re-rendered on each notebook update) and final:
/// a header of the settings and state, the loss chart, an accuracy chart for classifiers, the per-step gradient
/// norm (with the clip threshold) and a table of epochs. It is resent whole on every live update, so it stays
/// compact (a 100-epoch run of 2,000 steps is ~31 KB).
/// </summary>
internal static class TrainingHistoryView
{
    /// <summary>All epochs are listed up to this many; beyond, the first and last ones.</summary>
    public const int AllEpochsUpTo = 12;

    private const int FirstEpochsShown = 3;
    private const int LastEpochsShown = 8;
    private const double StepSmoothing = 0.8;

    public static string Html(TrainingHistory history) => HtmlParts.Wrap("history", html =>
    {
        var s = history.Settings;
        HtmlParts.Title(html, "Training " + HtmlParts.Encode(s.Model));
        HtmlParts.Facts(html, HtmlParts.Encode(
            $"{HtmlParts.Count(s.ParameterCount)} parameters · {s.Optimizer} η = {HtmlParts.Number(s.LearningRate)} · schedule {s.Schedule} · "
            + $"{s.Loss} · batch {s.BatchSize} · {s.Epochs} epochs · seed {s.Seed}"));
        HtmlParts.Facts(html, HtmlParts.Encode(
            $"{HtmlParts.Count(s.TrainCount)} training samples" + (s.HasValidation ? $", {HtmlParts.Count(s.ValidationCount)} validation" : ", no validation data")
            + (s.L1 > 0 ? $" · L1 {HtmlParts.Number(s.L1)}" : string.Empty) + (s.L2 > 0 ? $" · L2 {HtmlParts.Number(s.L2)}" : string.Empty)
            + (s.ClipNorm is { } clipNorm ? $" · clip norm {HtmlParts.Number(clipNorm)}" : string.Empty)
            + (s.ClipValue is { } clipValue ? $" · clip value {HtmlParts.Number(clipValue)}" : string.Empty)));
        html.Append("<div style=\"margin-top:2px;font-weight:600;color:").Append(StateColor(history)).Append("\">")
            .Append(HtmlParts.Encode(State(history))).Append("</div>");
        HtmlParts.Chart(html, LossChart(history).ToSvg());
        if (history.Epochs.Any(e => e.TrainAccuracy is not null || e.ValidationAccuracy is not null))
        {
            HtmlParts.Chart(html, AccuracyChart(history).ToSvg());
        }

        if (GradientNormChart(history) is { } gradientNorm)
        {
            HtmlParts.Chart(html, gradientNorm.ToSvg());
        }

        if (history.Epochs.Count > 0)
        {
            EpochTable(html, history);
        }

        if (history.IsComplete)
        {
            AdviceView.Html(html, TrainingAdvisor.For(history));
        }

        if (history.Manifest is { } manifest)
        {
            ManifestView.Html(html, manifest);
        }
    });

    /// <summary>Three to five lines: epochs run, last and best metrics, and why it stopped.</summary>
    public static string Text(TrainingHistory history)
    {
        var s = history.Settings;
        var text = new StringBuilder();
        text.Append("Training ").Append(s.Model).Append(": ").Append(history.Epochs.Count).Append('/').Append(s.Epochs)
            .Append(" epochs, ").Append(s.Optimizer).Append(" η = ").Append(HtmlParts.Number(s.LearningRate))
            .Append(", batch ").Append(s.BatchSize).AppendLine();
        if (history.LastEpoch is { } last)
        {
            text.Append("last epoch ").Append(last.Epoch + 1).Append(": ").AppendLine(Metrics(last));
        }

        if (history.BestEpoch is { } best)
        {
            var record = history.Epochs.First(e => e.Epoch == best);
            text.Append("best epoch ").Append(best + 1).Append(": ").Append(history.MonitoredMetric).Append(' ')
                .Append(HtmlParts.Number(history.Monitored(record), "G5"))
                .AppendLine(history.RestoredBestWeights ? " (weights restored)" : string.Empty);
        }

        text.Append(State(history));
        if (history.IsComplete)
        {
            AdviceView.Text(text, TrainingAdvisor.For(history));
        }

        return text.ToString();
    }

    internal static string State(TrainingHistory history)
    {
        if (!history.IsComplete)
        {
            var running = Math.Min(history.Epochs.Count + 1, history.Settings.Epochs);
            return $"running: epoch {running}/{history.Settings.Epochs}";
        }

        // "completed 20 epochs in 130 ms"; a message with a reason keeps the time by its head:
        // "diverged after 9 ms: the loss reached 1114 at step 2 …", not "… try a smaller learning rate in 9 ms".
        var duration = HtmlParts.Duration(history.Elapsed);
        var colon = history.StopMessage.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0
            ? $"{history.StopMessage} in {duration}"
            : $"{history.StopMessage[..colon]} after {duration}{history.StopMessage[colon..]}";
    }

    internal static LineChart LossChart(TrainingHistory history)
    {
        var epochs = history.Epochs;
        var series = new List<LineSeries>();
        var (stepX, stepLoss, stepRate) = Steps(history);
        if (stepX.Length > 0)
        {
            series.Add(new LineSeries("train loss (per step, smoothed)", stepX, stepLoss) { Smoothing = StepSmoothing });
        }

        var epochX = epochs.Select(e => e.Epoch + 1.0).ToArray();
        if (epochs.Count > 0)
        {
            series.Add(new LineSeries("train loss (epoch)", epochX, epochs.Select(e => e.TrainLoss).ToArray()));
        }

        if (history.Settings.HasValidation && epochs.Count > 0)
        {
            series.Add(new LineSeries("validation loss", epochX, epochs.Select(e => e.ValidationLoss ?? double.NaN).ToArray()) { Dashed = true });
        }

        var markers = new List<PointMarker>();
        if (history.BestEpoch is { } best)
        {
            var record = epochs.First(e => e.Epoch == best);
            markers.Add(new PointMarker(best + 1, history.Monitored(record), $"best: epoch {best + 1}"));
        }

        var verticals = new List<VerticalMarker>();
        if (history.IsComplete && history.StopReason is StopReason.EarlyStopped && history.LastEpoch is { } last)
        {
            verticals.Add(new VerticalMarker(last.Epoch + 1, "early stop"));
        }
        else if (history.IsComplete && history.StopReason is StopReason.Diverged && stepX.Length > 0)
        {
            verticals.Add(new VerticalMarker(stepX[^1], "diverged"));
        }

        var positive = series.SelectMany(l => l.Y).Where(v => double.IsFinite(v)).ToList();
        var logLoss = positive.Count > 0 && positive.Min() > 0 && positive.Max() / positive.Min() > 100;
        return new LineChart
        {
            Title = "Loss",
            XLabel = "epoch",
            YLabel = logLoss ? "loss (log)" : "loss",
            LogY = logLoss,
            Series = series,
            EpochBoundaries = epochs.Select(e => e.Epoch + 1.0).SkipLast(1).ToArray(),
            PointMarkers = markers,
            VerticalMarkers = verticals,
            LowerPanel = RatePanel(stepX, stepRate),
            Height = stepRate.Length > 0 && stepRate.Min() != stepRate.Max() ? 380 : 300,
        };
    }

    internal static LineChart AccuracyChart(TrainingHistory history)
    {
        var epochs = history.Epochs;
        var x = epochs.Select(e => e.Epoch + 1.0).ToArray();
        var series = new List<LineSeries> { new("train accuracy", x, epochs.Select(e => e.TrainAccuracy ?? double.NaN).ToArray()) };
        if (history.Settings.HasValidation)
        {
            series.Add(new LineSeries("validation accuracy", x, epochs.Select(e => e.ValidationAccuracy ?? double.NaN).ToArray()) { Dashed = true });
        }

        return new LineChart
        {
            Title = "Accuracy",
            XLabel = "epoch",
            YLabel = "accuracy",
            Series = series,
            EpochBoundaries = x.SkipLast(1).ToArray(),
            XIncludes = history.Steps.Count > 0 ? [0] : [], // the loss chart's per-step curve starts at 0
            Height = 210,
        };
    }

    /// <summary>The global gradient norm of each step before clipping (log scale when it spans decades), with the clip
    /// threshold as a dashed horizontal line; null when no step recorded a norm.</summary>
    internal static LineChart? GradientNormChart(TrainingHistory history)
    {
        var (stepX, _, _) = Steps(history);
        var x = new List<double>();
        var norm = new List<double>();
        for (var i = 0; i < stepX.Length; i++)
        {
            if (history.Steps[i].GradientNorm is { } n)
            {
                x.Add(stepX[i]);
                norm.Add(n);
            }
        }

        if (x.Count == 0)
        {
            return null;
        }

        // Smoothed like the loss: the faint raw line keeps every spike at a third of the bytes of a full-detail one.
        var series = new List<LineSeries> { new("gradient norm before clipping (per step, smoothed)", x, norm) { Smoothing = StepSmoothing } };
        if (history.Settings.ClipNorm is { } clip)
        {
            series.Add(new LineSeries($"clip norm {HtmlParts.Number(clip)}", [0, Math.Max(x[^1], 1)], [clip, clip]) { Dashed = true, Reference = true });
        }

        var log = HtmlParts.UseLogScale([.. series.SelectMany(l => l.Y)]);
        return new LineChart
        {
            Title = "Gradient norm",
            XLabel = "epoch",
            YLabel = log ? "‖g‖ (log)" : "‖g‖",
            LogY = log,
            Series = series,
            EpochBoundaries = history.Epochs.Select(e => e.Epoch + 1.0).SkipLast(1).ToArray(),
            Height = 210,
        };
    }

    /// <summary>Per-step points at x = epoch + (batch + 1) / batches, so epoch k's last step lands on x = k.</summary>
    private static (double[] X, double[] Loss, double[] Rate) Steps(TrainingHistory history)
    {
        var steps = history.Steps;
        var perEpoch = Math.Max(1, history.Settings.StepsPerEpoch);
        var x = new double[steps.Count];
        var loss = new double[steps.Count];
        var rate = new double[steps.Count];
        var batch = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            batch = i > 0 && steps[i].Epoch == steps[i - 1].Epoch ? batch + 1 : 0;
            x[i] = steps[i].Epoch + ((batch + 1.0) / perEpoch);
            loss[i] = steps[i].Loss;
            rate[i] = steps[i].LearningRate;
        }

        return (x, loss, rate);
    }

    /// <summary>The learning-rate panel, only when the rate changes; log scale for decays spanning more than 10×.</summary>
    private static LineChartPanel? RatePanel(double[] x, double[] rate)
    {
        if (rate.Length == 0 || rate.Min() == rate.Max())
        {
            return null;
        }

        var log = HtmlParts.UseLogScale(rate);
        return new LineChartPanel
        {
            Series = [new LineSeries("learning rate", x, rate)],
            YLabel = log ? "η (log)" : "η",
            LogY = log,
            Height = 80,
        };
    }

    private static void EpochTable(StringBuilder html, TrainingHistory history)
    {
        var epochs = history.Epochs;
        var hasAccuracy = epochs.Any(e => e.TrainAccuracy is not null);
        var hasValidation = history.Settings.HasValidation;
        var header = new List<string> { "epoch", "train loss" };
        if (hasValidation)
        {
            header.Add("val loss");
        }

        if (hasAccuracy)
        {
            header.Add("train acc");
            if (hasValidation)
            {
                header.Add("val acc");
            }
        }

        header.Add("η");
        header.Add("time");
        var best = history.BestEpoch;
        var shown = ShownEpochs(epochs.Count, epochs.ToList().FindIndex(e => e.Epoch == best));
        var rows = new List<IReadOnlyList<string>>();
        var highlighted = -1;
        for (var k = 0; k < shown.Count; k++)
        {
            if (k > 0 && shown[k] > shown[k - 1] + 1)
            {
                var hidden = shown[k] - shown[k - 1] - 1;
                rows.Add([$"… {hidden} more epoch{(hidden == 1 ? string.Empty : "s")} …"]);
            }

            var e = epochs[shown[k]];
            if (e.Epoch == best)
            {
                highlighted = rows.Count;
            }

            var row = new List<string> { (e.Epoch + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), HtmlParts.Number(e.TrainLoss, "G5") };
            if (hasValidation)
            {
                row.Add(e.ValidationLoss is { } vl ? HtmlParts.Number(vl, "G5") : "–");
            }

            if (hasAccuracy)
            {
                row.Add(e.TrainAccuracy is { } ta ? HtmlParts.Percent(ta) : "–");
                if (hasValidation)
                {
                    row.Add(e.ValidationAccuracy is { } va ? HtmlParts.Percent(va) : "–");
                }
            }

            row.Add(HtmlParts.Number(e.LearningRate, "G3"));
            row.Add(HtmlParts.Duration(e.Duration));
            rows.Add(row);
        }

        var numeric = header.Select(h => h != "epoch").ToList();
        numeric[0] = true;
        HtmlParts.Table(html, header, rows, numeric, highlighted, $"best {history.MonitoredMetric}");
    }

    /// <summary>Indexes of the epochs listed: all up to 12, else the first 3, the last 8 and the best one.</summary>
    internal static List<int> ShownEpochs(int count, int bestIndex)
    {
        if (count <= AllEpochsUpTo)
        {
            return Enumerable.Range(0, count).ToList();
        }

        var shown = new SortedSet<int>(Enumerable.Range(0, FirstEpochsShown).Concat(Enumerable.Range(count - LastEpochsShown, LastEpochsShown)));
        if (bestIndex >= 0)
        {
            shown.Add(bestIndex);
        }

        return shown.ToList();
    }

    private static string Metrics(EpochRecord e)
    {
        var parts = new List<string> { "train loss " + HtmlParts.Number(e.TrainLoss, "G5") };
        if (e.ValidationLoss is { } vl)
        {
            parts.Add("validation loss " + HtmlParts.Number(vl, "G5"));
        }

        if (e.TrainAccuracy is { } ta)
        {
            parts.Add("train accuracy " + HtmlParts.Percent(ta));
        }

        if (e.ValidationAccuracy is { } va)
        {
            parts.Add("validation accuracy " + HtmlParts.Percent(va));
        }

        return string.Join(", ", parts);
    }

    private static string StateColor(TrainingHistory history) => !history.IsComplete ? "#0072B2"
        : history.StopReason is StopReason.Diverged or StopReason.Cancelled ? "#B00020" : "#2b7a2b";
}
