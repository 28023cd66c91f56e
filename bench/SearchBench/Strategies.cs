using System.Globalization;
using Interactive.DlExt.Search;

namespace SearchBench;

/// <summary>
/// Strategy names of the command line: any name <see cref="Sweep.CreateStrategy"/> knows (so strategies added later run
/// unchanged), or, for diagnosis, "tpe:" with settings of the public <see cref="TpeSearch"/> constructor, e.g.
/// "tpe:gamma=0.1+startup=5+candidates=24+prior=1+maxgood=25" (unset ones keep their defaults).
/// </summary>
internal static class Strategies
{
    public static SearchStrategy Create(string name, int budget)
    {
        if (!name.StartsWith("tpe:", StringComparison.Ordinal))
        {
            return Sweep.CreateStrategy(name, budget);
        }

        var settings = name[4..].Split('+', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=')).ToDictionary(
            kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var unknown = settings.Keys.Except(["gamma", "startup", "candidates", "prior", "maxgood"]).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"unknown TPE settings {string.Join(", ", unknown)} in {name}");
        }

        double Get(string key, double fallback) => settings.TryGetValue(key, out var v) ? v : fallback;
        return new TpeSearch(
            startupTrials: (int)Get("startup", 10),
            candidates: (int)Get("candidates", 24),
            gamma: Get("gamma", 0.25),
            maxGoodTrials: (int)Get("maxgood", 25),
            priorWeight: Get("prior", 1));
    }
}
