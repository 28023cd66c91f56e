namespace Interactive.DlExt;

/// <summary>One-call reports of a training run or an evaluation.</summary>
public static class HtmlReportExtensions
{
    /// <summary>Writes the view of a training run (settings, loss and accuracy charts, epochs) as a self-contained HTML file.</summary>
    /// <param name="history">The training history, finished or not.</param>
    /// <param name="path">The .html file to write (atomically); its folder must exist.</param>
    public static void SaveHtml(this TrainingHistory history, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        HtmlReport.Save(path, "Training " + history.Settings.Model, history);
    }

    /// <summary>Writes the view of an evaluation (metrics, per-class scores, confusion matrix) as a self-contained HTML file.</summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="path">The .html file to write (atomically); its folder must exist.</param>
    public static void SaveHtml(this EvaluationResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        HtmlReport.Save(path, "Evaluation on " + result.DataName, result);
    }
}
