using System.Globalization;
using Interactive.DlExt.Search;
using SweepBench;

var mode = args.Length > 0 ? args[0] : "speed";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

switch (mode)
{
    case "speed":
        Speed.Run(trials: Arg(1, 8), epochs: Arg(2, 30), rounds: Arg(3, 5));
        break;
    case "resume":
        return Resume.Run(trials: Arg(1, 8), killAfter: Arg(2, 3));
    case "worker":
        // The child of "resume": runs the sweep on the study file until it is killed.
        Sweep.Run(BenchSweep.Request(Arg(2, 8), 15, 1, 1) with { Storage = new SqliteStudyStorage(args[1]) });
        break;
    default:
        Console.Error.WriteLine("usage: SweepBench speed [trials] [epochs] [rounds] | resume [trials] [kill-after]");
        return 2;
}

return 0;
