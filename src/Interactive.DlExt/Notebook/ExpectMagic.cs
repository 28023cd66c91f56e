namespace Interactive.DlExt.Notebook;

/// <summary>#!expect: rubric checks on a run (a TrainingHistory) or a test set (a Dataset), shown as pass/fail and
/// recorded in the run's manifest.</summary>
internal static class ExpectMagic
{
    public static async Task RunAsync(INotebookHost host, MagicArguments arguments)
    {
        var name = arguments.Text("--target") ?? throw new DlExtArgumentException("--target", "nothing", "a C# variable holding a TrainingHistory (from #!train --out) or a test Dataset, e.g. #!expect history --val-accuracy 0.9 --by-epoch 10");
        var target = MagicInvoker.Value(host, "--target", name);
        var results = new List<ExpectationResult>();
        switch (target)
        {
            case TrainingHistory history:
                if (arguments.Flag("--touched-once"))
                {
                    throw new DlExtArgumentException("--touched-once", $"--touched-once checks a test Dataset; '{name}' is a TrainingHistory");
                }

                if (arguments.NumberOrNull("--val-accuracy") is { } minimum)
                {
                    results.Add(Expectations.ValidationAccuracyAtLeast(history, minimum, arguments.WholeNumberOrNull("--by-epoch")));
                }
                else if (arguments.Has("--by-epoch"))
                {
                    throw new DlExtArgumentException("--by-epoch", "--by-epoch goes with --val-accuracy, e.g. --val-accuracy 0.9 --by-epoch 10");
                }

                if (arguments.Flag("--loss-decreases"))
                {
                    results.Add(Expectations.LossDecreases(history));
                }

                if (arguments.WholeNumberOrNull("--seed") is { } seed)
                {
                    results.Add(Expectations.Seeded(history, (ulong)seed));
                }

                break;
            case Dataset data:
                if (arguments.Has("--val-accuracy") || arguments.Has("--loss-decreases") || arguments.Has("--seed") || arguments.Has("--by-epoch"))
                {
                    throw new DlExtArgumentException("--target", $"'{name}' is a Dataset: it takes --touched-once; --val-accuracy, --by-epoch, --loss-decreases and --seed check a TrainingHistory");
                }

                if (arguments.Flag("--touched-once"))
                {
                    results.Add(Expectations.TestSetTouchedOnce(data));
                }

                break;
            default:
                throw new DlExtArgumentException("--target", name, $"a variable holding a TrainingHistory or a Dataset (it holds a {target.GetType().Name})");
        }

        if (results.Count == 0)
        {
            throw new DlExtArgumentException("--target", $"#!expect {name} names no check: add --val-accuracy X [--by-epoch N], --loss-decreases, --seed N (a history) or --touched-once (a test set)");
        }

        var report = new ExpectationReport(name, results);
        host.Display(report);
        if (arguments.Text("--out") is { } outName)
        {
            await host.SetVariableAsync(outName, report, typeof(ExpectationReport)).ConfigureAwait(false);
        }
    }
}
