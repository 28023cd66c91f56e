using Interactive.DlExt.Search;

namespace Interactive.DlExt.Tests.Search;

/// <summary>A problem with a known optimum: lr = 10^-2.5, momentum 0.9 with the "momentum" optimizer, value 0.</summary>
internal static class SyntheticObjective
{
    public static SearchSpace Space() => SearchSpace.Create()
        .LogUniform("lr", 1e-5, 1)
        .Uniform("dropout", 0.0, 0.8)
        .Choice("optimizer", "sgd", "momentum", "adam")
        .Uniform("momentum", 0.5, 0.99, when: ("optimizer", ["momentum"]));

    /// <summary>A shifted quadratic in log10(lr) plus dropout and categorical penalties.</summary>
    public static double Value(TrialParameters p)
    {
        var lr = Math.Log10(p.Double("lr")) + 2.5;
        var dropout = (p.Double("dropout") - 0.2) / 0.4;
        var optimizer = p.String("optimizer") switch
        {
            "momentum" => 4 * Math.Pow(p.Double("momentum") - 0.9, 2),
            "adam" => 0.5,
            _ => 1.0,
        };
        return (lr * lr) + (dropout * dropout) + optimizer;
    }
}
