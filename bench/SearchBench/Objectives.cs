using Interactive.DlExt.Search;

namespace SearchBench;

/// <summary>An objective to minimise over a search space, with its known minimum.</summary>
internal sealed record Objective(string Name, SearchSpace Space, Func<TrialParameters, double> Evaluate, double Minimum);

/// <summary>
/// The benchmark's objectives. bench/search_optuna.py defines the same functions and spaces for Optuna; keep the
/// two in step (the formulas are also in bench/README.md).
/// </summary>
internal static class Objectives
{
    /// <summary>The Styblinski–Tang minimum per dimension, at x = −2.903534….</summary>
    public const double StyblinskiTangPerDimension = -39.16616570377142;

    private static readonly string[] Optimizers = ["sgd", "momentum", "adam"];

    public static IReadOnlyList<Objective> All { get; } =
    [
        new("branin", Box(("x1", -5, 10), ("x2", 0, 15)), p => Branin(p.Double("x1"), p.Double("x2")), 0.39788735772973816),
        new("hartmann6", Box(Enumerable.Range(1, 6).Select(i => ($"x{i}", 0.0, 1.0)).ToArray()), p => Hartmann6(Xs(p, 6)), -3.32236801141551),
        new("rosenbrock2", Box(("x1", -2, 2), ("x2", -2, 2)), p => Rosenbrock(Xs(p, 2)), 0),
        new("rosenbrock4", Box(Enumerable.Range(1, 4).Select(i => ($"x{i}", -2.0, 2.0)).ToArray()), p => Rosenbrock(Xs(p, 4)), 0),
        new("styblinski4", Box(Enumerable.Range(1, 4).Select(i => ($"x{i}", -5.0, 5.0)).ToArray()), p => StyblinskiTang(Xs(p, 4)), 4 * StyblinskiTangPerDimension),
        new("mixed", SearchSpace.Create().LogUniform("lr", 1e-5, 1).IntRange("batch", 16, 512, log: true).Choice("optimizer", Optimizers),
            p => Mixed(p.Double("lr"), p.Int("batch"), p.String("optimizer")), 0),
        new("conditional", SearchSpace.Create().Choice("optimizer", Optimizers).LogUniform("lr", 1e-5, 1)
                .Uniform("momentum", 0, 0.99, when: ("optimizer", ["momentum"])).IntRange("batch", 16, 512, log: true),
            p => Conditional(p.String("optimizer"), p.Double("lr"), p.Has("momentum") ? p.Double("momentum") : 0, p.Int("batch")), 0),
    ];

    /// <summary>Branin on x1 ∈ [−5, 10], x2 ∈ [0, 15]; minimum 0.397887 at (−π, 12.275), (π, 2.275), (9.42478, 2.475).</summary>
    public static double Branin(double x1, double x2)
    {
        const double b = 5.1 / (4 * Math.PI * Math.PI);
        const double c = 5 / Math.PI;
        const double t = 1 / (8 * Math.PI);
        var u = x2 - (b * x1 * x1) + (c * x1) - 6;
        return (u * u) + (10 * (1 - t) * Math.Cos(x1)) + 10;
    }

    /// <summary>Hartmann-6 on [0, 1]⁶; minimum −3.32237.</summary>
    public static double Hartmann6(double[] x)
    {
        double[] alpha = [1.0, 1.2, 3.0, 3.2];
        double[,] a =
        {
            { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 },
        };
        double[,] p =
        {
            { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 }, { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
            { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 }, { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
        };
        double sum = 0;
        for (var i = 0; i < 4; i++)
        {
            double inner = 0;
            for (var j = 0; j < 6; j++)
            {
                var d = x[j] - p[i, j];
                inner += a[i, j] * d * d;
            }

            sum += alpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }

    /// <summary>Rosenbrock Σ 100(x[i+1] − x[i]²)² + (1 − x[i])²; minimum 0 at (1, …, 1).</summary>
    public static double Rosenbrock(double[] x)
    {
        double sum = 0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - (x[i] * x[i]);
            var b = 1 - x[i];
            sum += (100 * a * a) + (b * b);
        }

        return sum;
    }

    /// <summary>Styblinski–Tang ½ Σ (x⁴ − 16x² + 5x) on [−5, 5]ᵈ; minimum −39.16617·d at x = −2.903534.</summary>
    public static double StyblinskiTang(double[] x) => 0.5 * x.Sum(v => (v * v * v * v) - (16 * v * v) + (5 * v));

    /// <summary>
    /// A learning-rate / batch-size / optimizer sweep: with u = log10(lr), v = log2(batch),
    /// loss = off[o] + ½(u − (c[o] + 0.15(v − 6)))² + 0.05(v − v*[o])², where
    /// off = {sgd 0.3, momentum 0.1, adam 0}, c = {sgd −1, momentum −2, adam −3}, v* = {sgd 5, momentum 7, adam 8}.
    /// Minimum 0 at adam, batch 256, lr = 10^−2.7.
    /// </summary>
    public static double Mixed(double lr, int batch, string optimizer)
    {
        var (off, c, vStar) = optimizer switch
        {
            "sgd" => (0.3, -1.0, 5.0),
            "momentum" => (0.1, -2.0, 7.0),
            "adam" => (0.0, -3.0, 8.0),
            _ => throw new ArgumentException(optimizer, nameof(optimizer)),
        };
        var u = Math.Log10(lr);
        var v = Math.Log2(batch);
        var du = u - (c + (0.15 * (v - 6)));
        var dv = v - vStar;
        return off + (0.5 * du * du) + (0.05 * dv * dv);
    }

    /// <summary>
    /// A conditional sweep: momentum m ∈ [0, 0.99] exists only when the optimizer is momentum (m = 0 otherwise).
    /// With u = log10(lr / (1 − m)) (the effective step) and v = log2(batch),
    /// loss = off[o] + ½(u − c[o])² + [o = momentum]·2(m − 0.9)² + 0.05(v − 7)², where
    /// off = {sgd 0.3, momentum 0, adam 0.1}, c = {sgd −1, momentum −2, adam −3}.
    /// Minimum 0 at momentum, m = 0.9, lr = 1e−3, batch 128.
    /// </summary>
    public static double Conditional(string optimizer, double lr, double momentum, int batch)
    {
        var (off, c) = optimizer switch
        {
            "sgd" => (0.3, -1.0),
            "momentum" => (0.0, -2.0),
            "adam" => (0.1, -3.0),
            _ => throw new ArgumentException(optimizer, nameof(optimizer)),
        };
        var m = optimizer == "momentum" ? momentum : 0;
        var du = Math.Log10(lr / (1 - m)) - c;
        var dm = optimizer == "momentum" ? m - 0.9 : 0;
        var dv = Math.Log2(batch) - 7;
        return off + (0.5 * du * du) + (2 * dm * dm) + (0.05 * dv * dv);
    }

    private static SearchSpace Box(params (string Name, double Low, double High)[] ranges) =>
        ranges.Aggregate(SearchSpace.Create(), (space, r) => space.Uniform(r.Name, r.Low, r.High));

    private static double[] Xs(TrialParameters p, int d) => Enumerable.Range(1, d).Select(i => p.Double($"x{i}")).ToArray();
}
