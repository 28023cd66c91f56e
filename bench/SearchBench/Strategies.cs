using System.Globalization;
using Interactive.DlExt.Search;

namespace SearchBench;

/// <summary>
/// Strategy names of the command line: any name <see cref="Sweep.CreateStrategy"/> knows (so strategies added later run
/// unchanged), or, for diagnosis, "tpe:" with settings of the <see cref="TpeSearch"/> constructor, e.g.
/// "tpe:gamma=0.1+startup=5+candidates=24+prior=1+maxgood=25+mv=1+uni=0.5+bw=0.12+keep=0.5" (mv: multivariate 0/1, uni: the
/// share of the joint model's candidates drawn one parameter at a time, bw: the joint bandwidths' factor, keep: the chance that
/// a joint draw whose choice left its trial's value keeps the trial's ranges), or "gp:startup=3+random=1000+local=100"; unset ones keep the
/// defaults of "tpe" and "gp" for the budget (the start-up count from <see cref="StartupTrials.For"/>).
/// </summary>
internal static class Strategies
{
    public static SearchStrategy Create(string name, int budget)
    {
        if (name.StartsWith("gp:", StringComparison.Ordinal))
        {
            var gp = name[3..].Split('+', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=')).ToDictionary(
                kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            double G(string key, double fallback) => gp.TryGetValue(key, out var v) ? v : fallback;
            return new GpSearch((int)G("startup", StartupTrials.For(budget)), (int)G("random", 1000), (int)G("local", 100));
        }

        if (!name.StartsWith("tpe:", StringComparison.Ordinal))
        {
            return Sweep.CreateStrategy(name, budget);
        }

        var settings = name[4..].Split('+', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=')).ToDictionary(
            kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var unknown = settings.Keys.Except(["gamma", "startup", "candidates", "prior", "maxgood", "mv", "uni", "bw", "keep"]).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"unknown TPE settings {string.Join(", ", unknown)} in {name}");
        }

        double Get(string key, double fallback) => settings.TryGetValue(key, out var v) ? v : fallback;
        return new TpeSearch(
            startupTrials: (int)Get("startup", StartupTrials.For(budget)),
            candidates: (int)Get("candidates", 24),
            gamma: Get("gamma", TpeSearch.DefaultGamma),
            maxGoodTrials: (int)Get("maxgood", 25),
            priorWeight: Get("prior", 1),
            multivariate: Get("mv", 1) != 0)
        {
            UnivariateShare = Get("uni", TpeSearch.DefaultUnivariateShare),
            BandwidthFactor = Get("bw", JointParzenEstimator.DefaultBandwidthFactor),
            KeepRangesOnSwitch = Get("keep", JointParzenEstimator.DefaultKeepRangesOnSwitch),
        };
    }
}
