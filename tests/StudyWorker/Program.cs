using System.Globalization;
using Interactive.DlExt.Search;

// Usage: StudyWorker <study file> <study name> <trial budget> <start-signal file>
// Opens the study, says it is ready (<start-file>.<pid>.ready), waits for the start-signal file so both processes
// begin together (start-up cost, JIT and SQLite opening, stays out of the race), then works on the shared grid study.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: StudyWorker <file> <study> <trials> <start-file>");
    return 2;
}

using var storage = new SqliteStudyStorage(args[0]);
var study = new Study(args[1], WorkerSpace.Create(), new StudyOptions { Strategy = new GridSearch(), Storage = storage, Seed = 7 });
File.WriteAllText($"{args[3]}.{Environment.ProcessId}.ready", "ready");

var deadline = Environment.TickCount64 + 30_000;
while (!File.Exists(args[3]) && Environment.TickCount64 < deadline)
{
    Thread.Sleep(5);
}
var finished = study.Optimize(
    trial =>
    {
        Thread.Sleep(10); // long enough for the two processes to interleave claims even on a loaded machine
        return WorkerSpace.Objective(trial.Parameters);
    },
    trials: int.Parse(args[2], CultureInfo.InvariantCulture),
    parallelism: 2);
Console.WriteLine(finished.ToString(CultureInfo.InvariantCulture));
return 0;
