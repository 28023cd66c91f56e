using System.Text;

namespace Interactive.DlExt.Formatting;

/// <summary>
/// A run manifest inside another view, folded (a &lt;details&gt; block, readable with scripts stripped): where the run
/// ran, its seeds, data fingerprints, digests and command; a test set used for anything but one evaluation is
/// flagged in red even while folded.
/// </summary>
internal static class ManifestView
{
    private const string FlagStyle = "color:#b00020;font-weight:600";

    public static void Html(StringBuilder html, RunManifest manifest)
    {
        var warning = Warning(manifest);
        html.Append("<details class=\"dlext-manifest\" style=\"margin-top:6px\"><summary style=\"cursor:pointer;color:#555\">Run manifest");
        if (warning is not null)
        {
            html.Append(" · <span style=\"").Append(FlagStyle).Append("\">").Append(HtmlParts.Encode(warning)).Append("</span>");
        }

        html.Append("</summary><div style=\"font-size:11px;color:#444;margin:2px 0 0 12px\">");

        // Inside another view the settings and final metrics are already on show: one line per remaining field keeps a
        // live view (resent on every update) small.
        foreach (var (field, value) in Rows(manifest).Where(r => r.Field is not ("settings" or "final metrics")))
        {
            html.Append(field == "environment" ? "<div class=\"" + HtmlParts.MachineClass + "\">" : "<div>").Append("<span style=\"font-weight:600\">").Append(HtmlParts.Encode(field)).Append("</span> ").Append(HtmlParts.Encode(value)).Append("</div>");
        }

        html.Append("</div></details>");
    }

    /// <summary>The standalone view of a manifest (a RunManifest displayed on its own).</summary>
    public static string Html(RunManifest manifest) => HtmlParts.Wrap("manifest", html =>
    {
        HtmlParts.Title(html, HtmlParts.Encode($"Run manifest ({manifest.Kind})"));
        HtmlParts.Table(html, ["field", "value"], [.. Rows(manifest).Select(r => (IReadOnlyList<string>)[r.Field, r.Value])], [false, false], wrapText: true);
        if (Warning(manifest) is { } warning)
        {
            html.Append("<div style=\"").Append(FlagStyle).Append("\">").Append(HtmlParts.Encode(warning)).Append("</div>");
        }
    });

    public static string Text(RunManifest manifest) =>
        string.Join('\n', Rows(manifest).Select(r => $"{r.Field}: {r.Value}").Prepend($"Run manifest ({manifest.Kind})"))
        + (Warning(manifest) is { } warning ? "\n" + warning : string.Empty);

    /// <summary>A test set trained or validated on, or evaluated more than once, in words; null when all is well.</summary>
    internal static string? Warning(RunManifest manifest)
    {
        var leaks = manifest.TestAccesses.Where(a => a.Purpose != TestSetAccess.Evaluated).ToList();
        if (leaks.Count > 0)
        {
            return $"test data {leaks[0].Purpose} '{leaks[0].DataName}': choices made on it are not a fair test";
        }

        var evaluations = manifest.TestAccesses.Count;
        return evaluations > 1 ? $"the test set was evaluated {evaluations} times: it should be touched once, at the end" : null;
    }

    private static IEnumerable<(string Field, string Value)> Rows(RunManifest m)
    {
        if (m.Command is { } command)
        {
            yield return ("command", command);
        }

        var e = m.Environment;
        yield return ("environment", $"Interactive.DlExt {e.Package} · {e.Runtime} · {e.OperatingSystem} · {e.Architecture} · SIMD {e.Simd} · {m.Threads} thread(s)");
        if (m.Seeds.Count > 0)
        {
            yield return ("seeds", string.Join(", ", m.Seeds.Select(s => $"{s.Key} {s.Value}")));
        }

        foreach (var d in m.Data)
        {
            yield return ($"data ({d.Role})", $"{d.Name}: {HtmlParts.Count(d.Count)} samples, SHA-256 {d.Sha256[..16]}…" + (d.IsTest ? " (test set)" : string.Empty));
        }

        if (m.Hyperparameters.Count > 0)
        {
            yield return ("settings", string.Join(", ", m.Hyperparameters.Select(h => $"{h.Key} {h.Value}")));
        }

        if (m.Epochs.Count > 0)
        {
            yield return ("epochs", $"{m.Epochs.Count}, digest {m.EpochsSha256[..16]}…");
        }

        if (m.Trials.Count > 0)
        {
            yield return ("trials", string.Join(", ", m.Trials.GroupBy(t => t.State).Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}")));
        }

        yield return ("final metrics", string.Join(", ", m.FinalMetrics.Select(f => $"{f.Key} {f.Value}")));
        if (m.WeightsSha256 is { } weights)
        {
            yield return ("weights", $"SHA-256 {weights[..16]}…");
        }

        if (m.Checks.Count > 0)
        {
            yield return ("checks", string.Join("; ", m.Checks.Select(c => $"{(c.Passed ? "pass" : "FAIL")}: {c.Check} ({c.Detail})")));
        }

        yield return ("test-set uses", m.TestAccesses.Count == 0 ? "none"
            : string.Join("; ", m.TestAccesses.Select(a => $"#{a.Sequence} {a.Purpose} '{a.DataName}'")));
    }
}
