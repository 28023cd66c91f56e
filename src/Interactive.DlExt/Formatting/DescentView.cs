using System.Globalization;
using Interactive.DlExt.Charts;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// The view of a <see cref="DescentResult"/>: every run's path over the surface's contour (start square, end ring, a
/// cross where a run diverged or escaped, minima marked), the loss against the step on a second chart, a table of
/// steps to the tolerance and final losses, and each optimizer's update rule.
/// </summary>
internal static class DescentView
{
    /// <summary>The grey of the tolerance line, apart from every run's colour.</summary>
    private const string ReferenceColor = "#777777";

    /// <summary>Samples per axis of the contour grid.</summary>
    private const int Resolution = 120;

    /// <summary>Loss gaps below this share of the tolerance are drawn at it, so a run that lands exactly keeps a readable axis.</summary>
    private const double FloorShareOfTolerance = 1e-3;

    public static string Html(DescentResult result) => HtmlParts.Wrap("descent", html =>
    {
        HtmlParts.Title(html, HtmlParts.Encode("Descent on " + result.Surface.Name));
        HtmlParts.Formula(html, "f(x, y) = " + result.Surface.Formula);
        HtmlParts.Facts(html, HtmlParts.Encode(Facts(result)));
        HtmlParts.Chart(html, Contour(result).ToSvg());
        HtmlParts.Chart(html, LossChart(result).ToSvg());
        HtmlParts.Table(html, ["run", "steps to " + result.ToleranceRule, "final loss", "end (x, y)", "how it ended"],
            [.. result.Runs.Select(r => (IReadOnlyList<string>)[r.Label, Steps(r), HtmlParts.Number(r.FinalLoss, "G3"), Point(r.End), r.Message])],
            [false, true, true, true, false], Fastest(result), "fastest to the tolerance", wrapText: true);
        foreach (var rule in result.Runs.Select(r => (r.Setting.Optimizer, r.Formula)).Distinct())
        {
            HtmlParts.Formula(html, $"{rule.Optimizer}: {rule.Formula}");
        }

        HtmlParts.Caption(html,
            "Each path is a model of two float32 parameters (x, y) trained by the same optimizer classes that train networks: "
            + "a square marks the start, a ring the end, a cross a run that diverged or left the picture (pulled onto the edge it left by), a white cross a minimum.");
    });

    public static string Text(DescentResult result)
    {
        var lines = new List<string>
        {
            $"Descent on {result.Surface.Name}: f(x, y) = {result.Surface.Formula}",
            Facts(result),
        };
        lines.AddRange(result.Runs.Select(r => $"  {r.Label}: {Arrival(result, r)}; final loss {HtmlParts.Number(r.FinalLoss, "G3")} at {Point(r.End)}; {r.Message}"));
        lines.AddRange(result.Runs.Select(r => (r.Setting.Optimizer, r.Formula)).Distinct().Select(rule => $"  {rule.Optimizer}: {rule.Formula}"));
        return string.Join('\n', lines);
    }

    /// <summary>The surface with every run's path.</summary>
    internal static ContourChart Contour(DescentResult result)
    {
        var surface = result.Surface;
        var domain = surface.Domain;
        var chart = ContourChart.FromFunction(surface.Value, domain.XMin, domain.XMax, domain.YMin, domain.YMax, Resolution);
        return chart with
        {
            XLabel = "x",
            YLabel = "y",
            ValueLabel = "f(x, y)",
            Levels = 12,
            LogLevels = surface.SteepWalls,
            Markers = [.. surface.Minima.Select(m => new PointMarker(m.X, m.Y, $"minimum f = {HtmlParts.Number(surface.MinimumValue ?? 0)} at {Point(m)}"))],
            Paths = [.. result.Runs.Select(r => new ContourPath(Legend(r), r.X, r.Y) { EndNote = r.Outcome == DescentOutcome.Completed ? null : r.Message })],
            Width = 640,
            Height = 520,
        };
    }

    /// <summary>The loss against the step: f − f* on a log axis when the minimum is known, else f.</summary>
    internal static LineChart LossChart(DescentResult result)
    {
        var minimum = result.Surface.MinimumValue;
        var floor = result.Tolerance * FloorShareOfTolerance;
        var series = result.Runs.Select((r, k) => new LineSeries(Legend(r),
            [.. Enumerable.Range(0, r.Loss.Count).Select(i => (double)i)],
            [.. r.Loss.Select(l => minimum is { } m ? Math.Max(l - m, floor) : l)]) { Color = ContourChartRenderer.PathColor(k) }).ToList();
        if (minimum is not null)
        {
            series.Add(new LineSeries("tolerance " + result.ToleranceRule, [0, result.PlannedSteps], [result.Tolerance, result.Tolerance]) { Reference = true, Dashed = true, Color = ReferenceColor });
        }

        return new LineChart
        {
            Title = minimum is null ? "Loss against step" : "Distance to the minimum against step",
            XLabel = "step",
            YLabel = minimum is null ? "f(x, y)" : "f − f* (log)",
            LogY = minimum is not null,
            Series = series,
            Width = 640,
            Height = 300,
        };
    }

    private static string Legend(DescentRun run) => run.Outcome switch
    {
        DescentOutcome.Diverged => $"{run.Label} (diverged, step {run.Steps})",
        DescentOutcome.Escaped => $"{run.Label} (escaped, step {run.Steps})",
        _ => run.Label,
    };

    private static int Fastest(DescentResult result) => result.Fastest is { } best && result.Runs.Count > 1 ? IndexOf(result.Runs, best) : -1;

    private static int IndexOf(IReadOnlyList<DescentRun> runs, DescentRun run)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            if (ReferenceEquals(runs[i], run))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Facts(DescentResult result)
    {
        var parts = new List<string>();
        if (result.Common.Length > 0)
        {
            parts.Add(result.Common);
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{result.PlannedSteps} steps from {Point(result.Start)}"));
        parts.Add("arrived when " + result.ToleranceRule);
        return string.Join(" · ", parts);
    }

    private static string Arrival(DescentResult result, DescentRun run) => run.StepsToTolerance is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"{result.ToleranceRule} at step {s}")
        : $"{result.ToleranceRule} not reached";

    private static string Steps(DescentRun run) => run.StepsToTolerance is { } s ? s.ToString(CultureInfo.InvariantCulture) : "not reached";

    private static string Point((double X, double Y) p) => $"({HtmlParts.Number(p.X, "G3")}, {HtmlParts.Number(p.Y, "G3")})";
}
