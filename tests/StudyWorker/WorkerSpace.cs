using Interactive.DlExt.Search;

/// <summary>The grid study both worker processes run; the tests link this file to check the results.</summary>
internal static class WorkerSpace
{
    /// <summary>6 × 4 × 3 = 72 grid points.</summary>
    public static SearchSpace Create() => SearchSpace.Create()
        .LogUniform("lr", 1e-4, 1e-1)
        .IntRange("units", 16, 64, step: 16)
        .Choice("optimizer", "sgd", "adam", "rmsprop");

    public static double Objective(TrialParameters p) =>
        Math.Pow(Math.Log10(p.Double("lr")) + 2.5, 2) + (p.Int("units") / 100.0) + (p.String("optimizer") == "adam" ? 0 : 0.5);
}
