namespace Interactive.DlExt.Formatting;

/// <summary>The view of an <see cref="Optimizer"/>: its name, update rule and hyperparameters.</summary>
internal static class OptimizerView
{
    public static string Html(Optimizer optimizer) => HtmlParts.Wrap("optimizer", html =>
    {
        HtmlParts.Title(html, "Optimizer " + HtmlParts.Encode(optimizer.Name));
        HtmlParts.Formula(html, optimizer.Formula);
        var rows = Rows(optimizer).Select(r => (IReadOnlyList<string>)[r.Name, r.Value]).ToList();
        HtmlParts.Table(html, ["hyperparameter", "value"], rows, [false, true]);
        if (optimizer.StepCount > 0)
        {
            HtmlParts.Caption(html, $"{HtmlParts.Count(optimizer.StepCount)} steps taken");
        }
    });

    public static string Text(Optimizer optimizer) =>
        $"{optimizer.Name}: {optimizer.Formula} ({string.Join(", ", Rows(optimizer).Select(r => $"{r.Name} = {r.Value}"))})";

    private static IEnumerable<(string Name, string Value)> Rows(Optimizer optimizer) =>
        Hyperparameters.Of(optimizer).Prepend(("LearningRate (η)", HtmlParts.Number(optimizer.LearningRate, "G6")));
}
