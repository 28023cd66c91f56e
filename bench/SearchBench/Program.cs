using System.Diagnostics;
using System.Globalization;
using Interactive.DlExt.Search;
using SearchBench;

// Runs each strategy on each objective, one study per (objective, strategy, budget, seed), through the public
// Study API, and prints one RESULT line per study (bench/tools/summarize_search.py reads them).
var options = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["strategies"] = "random,tpe,coarse-to-fine",
    ["objectives"] = "all",
    ["budgets"] = "10,25,50,100",
    ["seeds"] = "0..29",
    ["jobs"] = "1",
    ["trace"] = string.Empty,
};
for (var i = 0; i < args.Length; i++)
{
    var key = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : string.Empty;
    if (!options.ContainsKey(key) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine(
            "usage: SearchBench [--strategies random,tpe,coarse-to-fine] [--objectives all|branin,hartmann6,rosenbrock2,rosenbrock4,styblinski4,mixed,conditional]\n" +
            "                   [--budgets 10,25,50,100] [--seeds 0..29|0,1,2] [--jobs 1] [--trace budget] (trace: TRIAL lines of every trial at that budget)\n" +
            "strategies known to this build: " + string.Join(", ", Sweep.StrategyNames) + "; tpe:gamma=0.1+startup=10+candidates=24+prior=1+maxgood=25 for TPE settings");
        return 2;
    }

    options[key] = args[++i];
}

static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
static string G(double x) => x.ToString("G10", CultureInfo.InvariantCulture);

var strategies = List(options["strategies"]);
foreach (var name in strategies)
{
    _ = Strategies.Create(name, 10); // fail early on an unknown name
}

var objectives = options["objectives"] == "all"
    ? Objectives.All
    : List(options["objectives"]).Select(n => Objectives.All.FirstOrDefault(o => o.Name == n) ?? throw new ArgumentException($"unknown objective {n}")).ToArray();
var budgets = List(options["budgets"]).Select(Int).ToArray();
var seedText = options["seeds"];
var seeds = seedText.Contains("..", StringComparison.Ordinal)
    ? Enumerable.Range(Int(seedText.Split("..")[0]), Int(seedText.Split("..")[1]) - Int(seedText.Split("..")[0]) + 1).ToArray()
    : List(seedText).Select(Int).ToArray();
var trace = options["trace"].Length > 0 ? Int(options["trace"]) : -1;
var jobs = Int(options["jobs"]);
var output = new object();

Console.WriteLine($"# SearchBench strategies={string.Join(",", strategies)} budgets={string.Join(",", budgets)} seeds={seeds.Length} " +
    "(one study per budget and seed)");
foreach (var objective in objectives)
{
    foreach (var strategy in strategies)
    {
        var clock = Stopwatch.StartNew();
        var work = budgets.SelectMany(b => seeds.Select(s => (Budget: b, Seed: s))).ToArray();
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = jobs }, item =>
        {
            var study = new Study($"{objective.Name}-{strategy}-{item.Budget}-{item.Seed}", objective.Space, new StudyOptions
            {
                Strategy = Strategies.Create(strategy, item.Budget),
                Seed = (ulong)item.Seed,
            });
            study.Optimize(trial => objective.Evaluate(trial.Parameters), item.Budget);
            var trials = study.Trials.Where(t => t.State == TrialState.Completed && t.Value is not null).ToArray();
            var best = trials.Min(t => t.Value!.Value);
            lock (output)
            {
                if (item.Budget == trace)
                {
                    foreach (var t in trials)
                    {
                        var ps = string.Join(" ", t.Parameters.Names.Select(n => $"{n}={t.Parameters.String(n)}"));
                        Console.WriteLine($"TRIAL objective={objective.Name} strategy={strategy} seed={item.Seed} number={t.Number} value={G(t.Value!.Value)} {ps}");
                    }
                }

                Console.WriteLine($"RESULT objective={objective.Name} strategy={strategy} budget={item.Budget} seed={item.Seed} " +
                    $"best={G(best)} regret={G(best - objective.Minimum)} trials={trials.Length}");
            }
        });
        Console.Error.WriteLine($"# {objective.Name} {strategy}: {clock.Elapsed.TotalSeconds:F1} s");
    }
}

return 0;
