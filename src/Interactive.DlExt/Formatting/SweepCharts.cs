using System.Globalization;
using Interactive.DlExt.Charts;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Formatting;

/// <summary>Builds the sweep's charts from a <see cref="SweepResult"/>; each returns null when it has nothing to show.</summary>
internal static class SweepCharts
{
    private const string PrunedGrey = "#9a9a9a";
    private const string FailedRed = "#e3a08a";

    public static LineChart? History(SweepResult result)
    {
        var done = result.Trials.Where(t => t.State == TrialState.Completed && t.Value is { } v && double.IsFinite(v)).ToArray();
        var pruned = result.Trials.Where(t => t.State == TrialState.Pruned && t.Value is { } v && double.IsFinite(v)).ToArray();
        if (done.Length + pruned.Length == 0)
        {
            return null;
        }

        var series = new List<LineSeries>();
        if (done.Length > 0)
        {
            var best = new double[done.Length];
            for (var i = 0; i < done.Length; i++)
            {
                var v = done[i].Value!.Value;
                best[i] = i == 0 ? v : result.Direction == StudyDirection.Minimize ? Math.Min(best[i - 1], v) : Math.Max(best[i - 1], v);
            }

            var x = done.Select(t => (double)t.Number).ToArray();
            series.Add(new LineSeries("completed trial", x, done.Select(t => t.Value!.Value).ToArray()) { PointsOnly = true, Color = "#0072B2" });
            series.Add(new LineSeries("best so far", x, best) { Color = "#D55E00" });
        }

        if (pruned.Length > 0)
        {
            series.Add(new LineSeries("pruned (last value)", pruned.Select(t => (double)t.Number).ToArray(), pruned.Select(t => t.Value!.Value).ToArray())
            {
                PointsOnly = true, Color = PrunedGrey,
            });
        }

        return new LineChart
        {
            Title = "Optimisation history", XLabel = "trial", YLabel = result.ObjectiveName, Series = series, Width = 560, Height = 320, IntegerX = true,
        };
    }

    public static LineChart? Curves(SweepResult result)
    {
        var trials = result.Trials.Where(t => t.Curve.Count > 0).ToArray();
        if (trials.Length == 0)
        {
            return null;
        }

        // Cut-short curves (pruned, failed, cancelled) first, so the finished ones are drawn on top of them.
        var ordered = trials.OrderBy(t => SweepFormat.IsCutShort(t.State) ? 0 : 1).ThenBy(t => t.Number);
        var coloured = 0; // the best is black, so the others take the palette's line colours in turn: 12 before any repeats
        var series = ordered.Select(t => LineSeries.FromValues(Label(t), t.Curve) with
        {
            Color = t.State switch
            {
                TrialState.Pruned => PrunedGrey,
                TrialState.Failed => FailedRed,
                _ when t.IsBest => "#000000",
                _ => ChartPalette.Line(coloured++),
            },
            Dashed = SweepFormat.IsCutShort(t.State),
        }).ToArray();
        return new LineChart
        {
            Title = "Validation curves (pruned: grey, dashed)", XLabel = "epoch", YLabel = result.ObjectiveName, Series = series, Width = 640, Height = 360,
            IntegerX = true,
        };
    }

    public static ParallelCoordinates? Parallel(SweepResult result)
    {
        var done = Done(result);
        if (done.Length == 0)
        {
            return null;
        }

        var axes = result.Space.Parameters.Select(p => p is NumericParameter n
            ? ParallelAxis.Numeric(p.Name, done.Select(t => t.Parameters.Has(p.Name) ? t.Parameters.Double(p.Name) : double.NaN).ToArray(), n.IsLog)
            : ParallelAxis.Categorical(
                p.Name, done.Select(t => t.Parameters.Has(p.Name) ? t.Parameters.String(p.Name) : "(inactive)").ToArray(), SweepFormat.ChoiceLabels((ChoiceParameter)p)))
            .ToArray();
        return new ParallelCoordinates
        {
            Title = "Parameters of the completed trials",
            Axes = axes,
            Objective = done.Select(t => t.Value!.Value).ToArray(),
            ObjectiveName = result.ObjectiveName,
            LowerIsBetter = result.Direction == StudyDirection.Minimize,
            TrialLabels = done.Select(Label).ToArray(),
        };
    }

    public static IReadOnlyList<ScatterChart> Scatters(SweepResult result)
    {
        var done = Done(result);
        if (done.Length == 0)
        {
            return [];
        }

        var y = done.Select(t => t.Value!.Value).ToArray();
        var labels = done.Select(Label).ToArray();
        return result.Space.Parameters.Select(p =>
        {
            var chart = new ScatterChart { Title = p.Name, YLabel = result.ObjectiveName, Y = y, PointLabels = labels, Width = 360, Height = 280 };
            if (p is NumericParameter n)
            {
                return chart with
                {
                    XLabel = n.IsLog ? p.Name + " (log scale)" : p.Name,
                    X = done.Select(t => t.Parameters.Has(p.Name) ? t.Parameters.Double(p.Name) : double.NaN).ToArray(),
                    LogX = n.IsLog,
                };
            }

            var values = SweepFormat.ChoiceLabels((ChoiceParameter)p);
            return chart with
            {
                XLabel = p.Name,
                X = done.Select(t => t.Parameters.Has(p.Name) ? values.ToList().IndexOf(t.Parameters.String(p.Name)) : double.NaN).ToArray(),
                XCategories = values,
                Categories = done.Select(t => SweepFormat.Parameter(t, p.Name)).ToArray(),
            };
        }).ToArray();
    }

    /// <summary>For a grid over exactly two unconditional parameters: the objective of each grid cell.</summary>
    public static Heatmap? Grid(SweepResult result)
    {
        var parameters = result.Space.Parameters;
        if (result.StrategyName != "grid" || parameters.Count != 2 || parameters.Any(p => p.Condition is not null) || Done(result).Length == 0)
        {
            return null;
        }

        var rows = Distinct(result, parameters[0]);
        var columns = Distinct(result, parameters[1]);
        var values = new double[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                values[r, c] = double.NaN;
            }
        }

        foreach (var t in Done(result))
        {
            values[rows.IndexOf(t.Parameters.String(parameters[0].Name)), columns.IndexOf(t.Parameters.String(parameters[1].Name))] = t.Value!.Value;
        }

        return new Heatmap
        {
            Title = $"{result.ObjectiveName} over the grid",
            Values = values,
            RowLabels = rows,
            ColumnLabels = columns,
            RowTitle = parameters[0].Name,
            ColumnTitle = parameters[1].Name,
            ValueLabel = result.ObjectiveName,
        };
    }

    public static BarChart? Importance(SweepResult result)
    {
        if (result.ParameterImportance.Count == 0 || result.ParameterImportance.Values.All(v => v == 0))
        {
            return null;
        }

        var interval = ImportanceInterval(result);
        return new BarChart
        {
            Title = $"Parameter importance ({Done(result).Length.ToString(CultureInfo.InvariantCulture)} completed trials)",
            Labels = result.ParameterImportance.Keys.ToArray(),
            Values = result.ParameterImportance.Values.ToArray(),
            Low = result.ParameterImportance.Keys.Select(k => interval[k].Low).ToArray(),
            High = result.ParameterImportance.Keys.Select(k => interval[k].High).ToArray(),
            ValueLabel = Done(result).Length < ParameterImportanceInterval.MinimumTrials
                ? $"share of variance; whiskers 0–1: under {ParameterImportanceInterval.MinimumTrials.ToString(CultureInfo.InvariantCulture)} trials, too few to tell"
                : "share of variance; whiskers: 80% range over half-samples",
        };
    }

    /// <summary>How much the importance moves over other trials of the same sweep (<see cref="ParameterImportanceInterval"/>).</summary>
    public static IReadOnlyDictionary<string, ImportanceInterval> ImportanceInterval(SweepResult result) =>
        ParameterImportanceInterval.Compute(new StudyHistory(
            result.Space, result.Direction, result.Trials.Select(t => new TrialRecord(t.Number, t.State, t.Parameters, t.Value))));

    private static SweepTrial[] Done(SweepResult result) =>
        result.Trials.Where(t => t.State == TrialState.Completed && t.Value is { } v && double.IsFinite(v)).ToArray();

    private static string Label(SweepTrial t) => "#" + t.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The values a grid axis took, as text: a choice's in chart order (numbers ascending), others in trial order.</summary>
    private static List<string> Distinct(SweepResult result, SearchParameter p)
    {
        var seen = result.Trials.Where(t => t.Parameters.Has(p.Name)).Select(t => t.Parameters.String(p.Name)).Distinct(StringComparer.Ordinal).ToList();
        return p is ChoiceParameter c ? [.. SweepFormat.ChoiceLabels(c).Where(seen.Contains)] : seen;
    }
}
