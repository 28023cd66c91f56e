using System.Globalization;
using System.Text;
using Interactive.DlExt.Search;

namespace Interactive.DlExt.Formatting;

/// <summary>The trials as an HTML table sorted by objective, best first; state coloured, the best row highlighted.</summary>
internal static class SweepTrialTable
{
    private const string Cell = "padding:3px 8px;border-bottom:1px solid #e4e4e4;text-align:right;white-space:nowrap";
    private const string Head = "padding:4px 8px;border-bottom:2px solid #999999;text-align:right;white-space:nowrap;font-weight:600";

    public static void Write(StringBuilder html, SweepResult result)
    {
        var names = result.Space.Parameters.Select(p => p.Name).ToArray();
        html.Append("<table class=\"sweep-trials\" style=\"border-collapse:collapse;margin:6px 0\"><thead><tr>");
        string[] titles = ["#", "chosen by", "state", .. names, result.ObjectiveName, "best epoch", "epochs", "time"];
        foreach (var title in titles)
        {
            html.Append("<th").Attribute("style", Head).Append('>').Text(title).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var trial in result.Ranked())
        {
            Row(html, trial, names, result.Direction, result.ChosenBy(trial.Number));
        }

        html.Append("</tbody></table>");
    }

    private static void Row(StringBuilder html, SweepTrial trial, string[] names, StudyDirection direction, string chosenBy)
    {
        var state = SweepFormat.State(trial.State);
        var style = trial.IsBest ? "background:#fff3c4;font-weight:600" : SweepFormat.IsCutShort(trial.State) ? "color:#777777" : string.Empty;
        html.Append("<tr class=\"trial-row\"")
            .Attribute("data-trial", trial.Number.ToString(CultureInfo.InvariantCulture))
            .Attribute("data-state", state);
        if (trial.IsBest)
        {
            html.Append(" data-best=\"true\"");
        }

        html.Attribute("style", style).Append('>');
        Td(html, "#" + trial.Number.ToString(CultureInfo.InvariantCulture) + (trial.IsBest ? " ★" : string.Empty));
        html.Append("<td class=\"trial-chosen-by\"").Attribute("style", Cell + ";text-align:left;color:#555555").Append('>').Text(chosenBy).Append("</td>");
        html.Append("<td").Attribute("style", Cell + ";text-align:left");
        if (trial.Message is { } message)
        {
            html.Attribute("title", message);
        }

        html.Append("><span class=\"trial-state\"")
            .Attribute("style", $"display:inline-block;padding:0 6px;border-radius:8px;color:#ffffff;background:{SweepFormat.StateColor(trial.State)}")
            .Append('>').Text(state).Append("</span>");
        if (trial.Message is { } shown)
        {
            html.Append(" <span class=\"trial-message\" style=\"color:#D55E00;font-weight:400\">").Text(Shorten(shown)).Append("</span>");
        }

        html.Append("</td>");
        foreach (var name in names)
        {
            Td(html, SweepFormat.Parameter(trial, name));
        }

        Td(html, SweepFormat.Number(trial.Value));
        Td(html, SweepFormat.BestEpoch(trial, direction) is { } epoch ? epoch.ToString(CultureInfo.InvariantCulture) : "—");
        Td(html, trial.EpochsRun.ToString(CultureInfo.InvariantCulture));
        Td(html, SweepFormat.Duration(trial.Duration));
        html.Append("</tr>");
    }

    private static void Td(StringBuilder html, string text) =>
        html.Append("<td").Attribute("style", Cell).Append('>').Text(text).Append("</td>");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";
}
