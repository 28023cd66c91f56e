using System.Globalization;
using Interactive.DlExt.Charts;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Formatting;

/// <summary>How a sweep went, beside what it found (<see cref="SweepCharts"/>): the coarse-to-fine rounds' shrinking boxes,
/// the empirical distribution of the objective, and the trials on a timeline. Each is null when it has nothing to show.</summary>
internal static class SweepProgressCharts
{
    private const double TrialOffset = 0.2; // trials drawn just right of their round's box, so the box stays visible

    /// <summary>One chart per numeric parameter of a coarse-to-fine sweep: each round's box as a vertical bar at its round, the round's trials beside it.</summary>
    public static IReadOnlyList<LineChart> Rounds(SweepResult result)
    {
        if (result.Rounds.Count == 0)
        {
            return [];
        }

        return result.Space.Parameters.OfType<NumericParameter>().Select(p =>
        {
            var boxes = result.Rounds.Select(r => r[p.Name]).ToArray();
            var boxX = result.Rounds.SelectMany(r => new double[] { r.Index, r.Index, double.NaN }).ToArray();
            var boxY = boxes.SelectMany(b => new[] { b.Low, b.High, double.NaN }).ToArray();
            var trials = result.Trials.Where(t => t.Parameters.Has(p.Name)).ToArray();
            var round = trials.Select(t => result.Rounds.LastOrDefault(r => r.FirstTrialNumber <= t.Number)?.Index ?? 0).ToArray();
            var series = new List<LineSeries>
            {
                new("round's box", boxX, boxY) { Color = "#0072B2", Reference = true, Width = 6 },
                new("trial", round.Select(r => r + TrialOffset).ToArray(), trials.Select(t => t.Parameters.Double(p.Name)).ToArray())
                {
                    PointsOnly = true, Color = "#888888",
                },
            };
            if (result.Best is { } best && best.Parameters.Has(p.Name))
            {
                var r = round[Array.IndexOf(trials, best)];
                series.Add(new LineSeries("best trial", [r + TrialOffset], [best.Parameters.Double(p.Name)]) { PointsOnly = true, Color = "#000000" });
            }

            return new LineChart
            {
                Title = $"Coarse-to-fine rounds: {p.Name}",
                XLabel = "round",
                YLabel = SweepFormat.IsLog(p) ? p.Name + " (log scale)" : p.Name,
                LogY = SweepFormat.IsLog(p),
                IntegerX = true,
                Series = series,
                Width = 360,
                Height = 280,
            };
        }).ToArray();
    }

    /// <summary>The empirical distribution function of the completed trials' objective: one step line, or one per coarse-to-fine round.</summary>
    public static LineChart? Distribution(SweepResult result)
    {
        var done = result.Trials.Where(t => t.State == TrialState.Completed && t.Value is { } v && double.IsFinite(v)).ToArray();
        if (done.Length == 0)
        {
            return null;
        }

        var groups = result.Rounds.Count > 1
            ? result.Rounds.Select(r => ($"round {r.Index.ToString(CultureInfo.InvariantCulture)}", done.Where(t => t.Number >= r.FirstTrialNumber && t.Number < r.FirstTrialNumber + r.TrialCount).ToArray()))
            : [($"{result.StrategyName} ({done.Length.ToString(CultureInfo.InvariantCulture)} trials)", done)];
        var series = groups.Where(g => g.Item2.Length > 0).Select((g, i) => Steps(g.Item1, g.Item2.Select(t => t.Value!.Value)) with { Color = ChartPalette.Line(i) }).ToArray();
        return new LineChart
        {
            Title = $"Distribution of {result.ObjectiveName}",
            XLabel = result.ObjectiveName,
            YLabel = "share of trials ≤ x",
            Series = series,
            Width = 420,
            Height = 300,
        };
    }

    /// <summary>Each trial as a bar from its start to its end (now, while running), coloured by state: how the parallel workers were kept busy.</summary>
    public static LineChart? Timeline(SweepResult result)
    {
        var timed = result.Trials.Where(t => t.StartedAt is not null && t.Duration is not null).ToArray();
        if (timed.Length == 0 || timed.All(t => t.Duration <= TimeSpan.Zero))
        {
            return null;
        }

        var origin = timed.Min(t => t.StartedAt!.Value);
        var series = timed.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => new LineSeries(
            SweepFormat.State(g.Key),
            g.SelectMany(t => new[] { Seconds(t.StartedAt!.Value - origin), Seconds(t.StartedAt!.Value - origin + t.Duration!.Value), double.NaN }).ToArray(),
            g.SelectMany(t => new double[] { t.Number, t.Number, double.NaN }).ToArray())
        {
            Color = SweepFormat.StateColor(g.Key), Reference = true, Width = 7,
        }).ToArray();
        return new LineChart
        {
            Title = $"Trials over time (parallelism {result.Parallelism.ToString(CultureInfo.InvariantCulture)})",
            XLabel = "seconds since the first trial started",
            YLabel = "trial",
            IntegerY = true,
            Series = series,
            Width = 420,
            Height = Math.Max(220, 90 + (14 * timed.Length)),
        };
    }

    // F(x) = #{v ≤ x} / n as a step line: up by 1/n at each sorted value.
    private static LineSeries Steps(string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var x = new double[2 * sorted.Length];
        var y = new double[2 * sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            x[2 * i] = x[(2 * i) + 1] = sorted[i];
            y[2 * i] = (double)i / sorted.Length;
            y[(2 * i) + 1] = (double)(i + 1) / sorted.Length;
        }

        return new LineSeries(name, x, y) { Reference = true };
    }

    private static double Seconds(TimeSpan time) => time.TotalSeconds;
}
